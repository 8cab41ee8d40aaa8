package org.example.mis;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The minimal host as an operator runs it: an embedded PostgreSQL with a database owned by an ordinary
 * role ({@value #ROLE}: no superuser, cannot create roles or databases), and the built WAR on Payara Micro
 * at context root {@code /mis} with that role's credentials, started as a child process on a free port.
 */
final class RunningHost implements AutoCloseable {

    static final String ROLE = "mis_app";
    static final String PASSWORD = "seed-password";
    private static final String ROLE_PASSWORD = "mis-app-secret";

    private final EmbeddedPostgres postgres;
    private final Process payara;
    private final int port;
    private final Path log = Path.of("target", "minimal-host-it.log");

    RunningHost() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + ROLE + " login password '" + ROLE_PASSWORD + "' nosuperuser nocreatedb nocreaterole");
            s.execute("create database mis owner " + ROLE);
        }
        port = freePort();
        Path runtime = Path.of("target", "payara-it");
        deleteRecursively(runtime);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("payara.micro.jar"),
                "--deploy", System.getProperty("host.war"), "--contextroot", "mis", "--port", Integer.toString(port),
                "--nohazelcast", "--disablephonehome", "--rootdir", runtime.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("CREDITS_") || name.startsWith("MIS_"));
        builder.environment().put("MIS_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/mis");
        builder.environment().put("MIS_DB_USER", ROLE);
        builder.environment().put("MIS_DB_PASSWORD", ROLE_PASSWORD);
        builder.environment().put("MIS_SEED_PASSWORD", PASSWORD);
        builder.environment().put("CREDITS_PUBLIC_URL", url("/mis"));
        // no Stripe account in a test: card purchases go to the plugin's simulated checkout (else readiness stays DOWN)
        builder.environment().put("CREDITS_SIMULATED_PAYMENTS", "true");
        payara = builder.start();
        awaitReady(Duration.ofSeconds(180));
    }

    /** {@code path} on the host's server, e.g. {@code /mis/api/mis/me}. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The database as its superuser, to look behind the host's back. */
    DataSource superuser() {
        return postgres.getDatabase("postgres", "mis");
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + payara.exitValue() + "; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("Exception while loading the app")) {
                throw new IllegalStateException("the WAR did not deploy; see " + log);
            }
            try {
                // MicroProfile Health is served at the server's root, whatever the WAR's context root
                if (client.send(HttpRequest.newBuilder(URI.create(url("/health/ready"))).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the minimal host was not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws Exception {
        if (payara.isAlive()) {
            payara.destroy();
            if (!payara.waitFor(60, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor();
            }
        }
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
