package org.example.mis;

import java.util.Set;

/** A user of the host, as its users table has them. */
public record MisUser(String username, String displayName, String schoolId, String role) {

    /** The host's roles mapped to the plugin's permissions: admins may buy, teachers use and see. */
    public Set<String> permissions() {
        return "admin".equals(role) ? Set.of("credits.view", "credits.use", "credits.manage")
                : Set.of("credits.view", "credits.use");
    }
}
