package org.schoolcredits.host;

import java.util.Set;

/**
 * Who is making the current request, as the host knows them.
 *
 * @param schoolId    the caller's school, or {@code null} for platform staff
 * @param userId      the host's stable id for the user
 * @param displayName the name shown in the credit history
 * @param permissions the plugin permissions the host grants this user, e.g. {@code credits.view}
 */
public record Caller(String schoolId, String userId, String displayName, Set<String> permissions) {

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }
}
