package org.schoolcredits.kernel;

import org.schoolcredits.host.Caller;

/** Who initiated a change: a member of staff, or the plugin itself ({@link #SYSTEM}). */
public record Actor(String userId, String name) {

    public static final Actor SYSTEM = new Actor(null, "System");

    public static Actor of(Caller caller) {
        return new Actor(caller.userId(), caller.displayName());
    }
}
