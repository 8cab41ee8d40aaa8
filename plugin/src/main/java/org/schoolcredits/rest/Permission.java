package org.schoolcredits.rest;

/** The plugin permissions a host grants its users (declared in plugin-descriptor.xml). */
public enum Permission {
    VIEW("credits.view"),
    USE("credits.use"),
    MANAGE("credits.manage"),
    PLATFORM("credits.platform");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
