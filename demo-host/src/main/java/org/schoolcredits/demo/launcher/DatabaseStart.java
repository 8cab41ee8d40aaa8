package org.schoolcredits.demo.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the demo's database is and as whom Payara signs in to it. An external database ({@code CREDITS_DB_URL}) is
 * used as it is. The embedded PostgreSQL starts in the background while Payara boots and deploys (its first
 * start unpacks PostgreSQL's binaries and runs initdb, seconds of the start-up that Payara's boot does not need):
 * the launcher picks its port and knows its passwords beforehand, and holds the system property {@link #STATE} at
 * {@code starting} until it runs; the demo application waits on that property before its first connection
 * ({@code org.schoolcredits.demo.DemoDatabaseWait}).
 */
final class DatabaseStart {

    /** System property read by the demo application: {@code starting}, then {@code ready} or {@code failed}. */
    static final String STATE = "demo.database";

    private DatabaseStart() {
    }

    /** Payara's settings for an external database: the user and password of the environment, postgres by default. */
    static Map<String, String> external(String url, String user, String password, String migrationUser,
            String migrationPassword) {
        return settings(url, user, password, migrationUser, migrationPassword);
    }

    /** Payara's settings for the embedded database, on {@code port}, with the passwords kept in {@code dataDir}. */
    static Map<String, String> embedded(Path dataDir, int port) throws IOException {
        DatabaseRoles roles = DatabaseRoles.in(dataDir);
        return settings(jdbcUrl(port), DatabaseRoles.RUNTIME, roles.password(DatabaseRoles.RUNTIME),
                DatabaseRoles.OWNER, roles.password(DatabaseRoles.OWNER));
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** A port free now, for the embedded PostgreSQL (zonky picks one the same way). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> settings(String url, String user, String password, String migrationUser,
            String migrationPassword) {
        Map<String, String> settings = new HashMap<>(Map.of("credits.db.url", url, "credits.db.user", user,
                "credits.db.password", password));
        if (migrationUser != null) {
            settings.put("credits.db.migration.user", migrationUser);
            settings.put("credits.db.migration.password", migrationPassword == null ? "" : migrationPassword);
        }
        return settings;
    }
}
