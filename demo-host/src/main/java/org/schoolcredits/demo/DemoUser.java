package org.schoolcredits.demo;

import java.util.Set;

/** A user of the demo MIS and the plugin permissions their role carries. */
public record DemoUser(String id, String schoolId, String displayName, String email, String role) {

    public static final String SCHOOL_ADMIN = "school-admin";
    public static final String STAFF = "staff";
    public static final String PLATFORM_FINANCE = "platform-finance";

    /** How the demo MIS maps its roles to the plugin's permissions (the descriptor's defaults). */
    public Set<String> permissions() {
        return switch (role) {
            case SCHOOL_ADMIN -> Set.of("credits.view", "credits.use", "credits.manage");
            case STAFF -> Set.of("credits.view", "credits.use");
            case PLATFORM_FINANCE -> Set.of("credits.platform");
            default -> Set.of();
        };
    }

    public boolean isPlatform() {
        return PLATFORM_FINANCE.equals(role);
    }
}
