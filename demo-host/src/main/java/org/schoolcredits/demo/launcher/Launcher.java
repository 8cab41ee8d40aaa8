package org.schoolcredits.demo.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Main class of {@code school-credits-demo.jar}: runs the School Credits demo with one command. It starts an embedded
 * PostgreSQL (unless {@code CREDITS_DB_URL} names an external database) in the background ({@link DatabaseStart})
 * while it boots Payara Micro in this JVM ({@link PayaraServer}) with {@code lib/school-credits-demo-host.war} at {@code http://localhost:<PORT>/}; on
 * Ctrl-C / SIGTERM it stops Payara, then PostgreSQL. JVM options go on the {@code java} command line.
 * <p>
 * Environment (blank counts as unset): {@code PORT} (8080), {@code CREDITS_DB_URL}, {@code CREDITS_DB_USER} and
 * {@code CREDITS_DB_PASSWORD} ({@code postgres}), {@code CREDITS_DB_MIGRATION_USER} and
 * {@code CREDITS_DB_MIGRATION_PASSWORD} (embedded: the launcher's roles), {@code CREDITS_DATA_DIR}
 * ({@code $HOME/.school-credits-demo}, one launcher at a time; a killed one's leftovers are stopped at start),
 * {@code DEMO_MODE}, {@code DEMO_PASSWORD} (required with demo mode off), {@code PAYARA_CLUSTER_NAME} (that cluster
 * instead of {@code --nohazelcast}), {@code CREDITS_SIMULATED_PAYMENTS} ({@code DEMO_MODE}'s value by default).
 * {@code <data dir>/payara.pid} holds the pid of the JVM that runs Payara: this one.
 */
public final class Launcher {

    /** Kept in a static field: a garbage-collected channel would release the data directory lock. */
    private static FileChannel lockChannel;

    // Written under the Launcher.class lock: startup and shutdown never run at the same time.
    private static volatile boolean stopping;
    private static EmbeddedDatabase database;
    private static PayaraServer payara;
    private static Path payaraPidFile;

    private Launcher() {
    }

    /** Returns once Payara runs (its threads keep the JVM alive); exits with 1 when the start fails. */
    public static void main(String[] args) {
        try {
            run();
            return;
        } catch (LaunchException e) {
            System.err.println("[launcher] " + e.getMessage());
        } catch (Exception e) {
            System.err.println("[launcher] Start failed: " + e);
        }
        System.exit(1);
    }

    private static void run() throws Exception {
        requireDemoPassword(System.getenv());
        int port = parsePort(env("PORT", "8080"));
        Path lib = launcherDirectory().resolve("lib");
        requireFile(lib.resolve("payara-micro.jar"));
        Path war = requireFile(lib.resolve("school-credits-demo-host.war"));

        String home = env("HOME", System.getProperty("user.home"));
        Path dataDir = Path.of(env("CREDITS_DATA_DIR", home + "/.school-credits-demo")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        lockDataDirectory(dataDir);
        log("Data dir: " + dataDir);
        stopLeftoverPayara(dataDir.resolve("payara.pid")); // one of an earlier version may still hold the port
        checkPortFree(port);

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "launcher-shutdown"));
        Map<String, String> settings = databaseSettings(dataDir);
        Path payaraRuntime = dataDir.resolve("payara-runtime");
        deleteRecursively(payaraRuntime); // a kept runtime dir would deploy the app a second time
        log("Starting Payara Micro ...");
        // Outside the lock: Ctrl-C meanwhile stops the database and ends the JVM, booting Payara with it.
        PayaraServer server = PayaraServer.start(war, port, payaraRuntime, env("PAYARA_CLUSTER_NAME", null), settings);
        synchronized (Launcher.class) {
            payara = server;
        }
        HeapTrim.trim(); // from here on this JVM only serves: what starting grew goes back (bench/README.md)
        log("The demo is at http://localhost:" + port + "/");
    }

    /**
     * Payara's settings: where the database is, as whom to sign in, and whether payments are simulated. The embedded
     * database starts in the background ({@link DatabaseStart}) on a port picked here; a start that fails ends the
     * launcher.
     */
    private static Map<String, String> databaseSettings(Path dataDir) throws IOException {
        String url = env("CREDITS_DB_URL", null);
        Map<String, String> settings;
        if (url == null) {
            int port = DatabaseStart.freePort();
            settings = DatabaseStart.embedded(dataDir, port);
            System.setProperty(DatabaseStart.STATE, "starting");
            new Thread(() -> startEmbedded(dataDir, port), "embedded-postgresql").start();
        } else {
            String user = env("CREDITS_DB_USER", "postgres");
            // Parameters are left out: they might hold a password.
            log("Database: external " + url.split("\\?", 2)[0] + " as user " + user);
            settings = DatabaseStart.external(url, user, env("CREDITS_DB_PASSWORD", "postgres"),
                    env("CREDITS_DB_MIGRATION_USER", null), env("CREDITS_DB_MIGRATION_PASSWORD", null));
        }
        settings.put("credits.simulated-payments", Boolean.toString(simulatedPayments()));
        synchronized (Launcher.class) {
            payaraPidFile = dataDir.resolve("payara.pid");
            Files.writeString(payaraPidFile, Long.toString(ProcessHandle.current().pid()));
        }
        return settings;
    }

    /** Runs in the background while Payara boots; marks the database ready, or ends the launcher when it fails. */
    private static void startEmbedded(Path dataDir, int port) {
        String failure;
        try {
            startDatabase(dataDir, port);
            System.setProperty(DatabaseStart.STATE, "ready");
            return;
        } catch (LaunchException e) {
            failure = e.getMessage();
        } catch (Exception e) {
            failure = "Start failed: " + e;
        }
        System.setProperty(DatabaseStart.STATE, "failed");
        if (!stopping) { // outside the lock: the shutdown hook that System.exit runs takes it
            System.err.println("[launcher] " + failure);
            System.exit(1);
        }
    }

    /** Starts the embedded database; a shutdown hook arriving meanwhile waits for it, then stops it. */
    private static synchronized void startDatabase(Path dataDir, int port) throws IOException {
        if (stopping) {
            throw new LaunchException("Stopped before start.");
        }
        log("Starting embedded PostgreSQL ...");
        database = EmbeddedDatabase.start(dataDir, port);
        log("Database: embedded PostgreSQL on port " + database.port() + ", data in " + database.dataDirectory()
                + "; roles " + DatabaseRoles.OWNER + " (migrations) and " + DatabaseRoles.RUNTIME + ", passwords in "
                + dataDir.resolve("db-passwords.properties"));
    }

    /** Stops Payara (unless still booting: the JVM's end stops it), then PostgreSQL; runs once, from the shutdown hook. */
    private static synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            if (payara != null) {
                log("Stopping Payara Micro ...");
                payara.stop(20); // then PostgreSQL in any case, well within the 60 s a test waits before a kill
            }
            if (database != null) {
                log("Stopping PostgreSQL ...");
                database.close();
            }
            if (payaraPidFile != null) {
                Files.deleteIfExists(payaraPidFile);
            }
            log("Stopped.");
        } catch (IOException | RuntimeException e) {
            System.err.println("[launcher] Error while stopping: " + e);
        }
    }

    /** Kills a Payara Micro child left running by a launcher of an earlier version that was killed (SIGKILL). */
    private static void stopLeftoverPayara(Path pidFile) throws IOException {
        Optional<ProcessHandle> leftover = Leftovers.runningProcess(pidFile, "payara-micro");
        if (leftover.isPresent()) {
            log("Stopping Payara Micro left running by an earlier launcher (pid " + leftover.get().pid() + ")");
            leftover.get().destroyForcibly();
            if (!Leftovers.waitForExit(leftover.get(), 10)) {
                throw new LaunchException("Payara Micro (pid " + leftover.get().pid()
                        + ") does not stop; stop it by hand.");
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static void lockDataDirectory(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("launcher.lock");
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            throw new LaunchException("Another demo launcher uses the data dir " + dataDir
                    + "; stop it or set CREDITS_DATA_DIR to another directory.");
        }
    }

    private static void checkPortFree(int port) {
        try {
            new ServerSocket(port).close();
        } catch (IOException e) {
            throw new LaunchException("Port " + port + " is in use; stop what uses it or set PORT to a free port.");
        }
    }

    /**
     * With {@code DEMO_MODE} off (any value MicroProfile Config does not read as true) the demo
     * users' password has no default: {@code DEMO_PASSWORD} must be set, or the demo does not start.
     */
    static void requireDemoPassword(Map<String, String> env) {
        String mode = env.getOrDefault("DEMO_MODE", "").strip();
        boolean demoMode = mode.isEmpty() || Set.of("true", "1", "yes", "y", "on").contains(mode.toLowerCase(Locale.ROOT));
        String password = env.get("DEMO_PASSWORD");
        if (!demoMode && (password == null || password.isBlank())) {
            throw new LaunchException("DEMO_PASSWORD is required when DEMO_MODE is off: set it to the password"
                    + " the demo's users sign in with.");
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException("PORT must be a number from 1 to 65535, not '" + text + "'.");
    }

    private static Path launcherDirectory() throws URISyntaxException {
        Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isRegularFile(location) ? location.getParent() : location;
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LaunchException("Missing " + file + " (it belongs beside the launcher jar).");
        }
        return file;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.delete(path);
            }
        }
    }

    /** As {@code CREDITS_SIMULATED_PAYMENTS} says, or else {@code DEMO_MODE} (on unless false): the plugin knows no demo mode. */
    static boolean simulatedPayments() {
        return isTrue(env("CREDITS_SIMULATED_PAYMENTS", env("DEMO_MODE", "true")));
    }

    /** As MicroProfile Config reads a boolean: {@code true}, {@code 1}, {@code yes}, {@code y} or {@code on}. */
    private static boolean isTrue(String value) {
        return List.of("true", "1", "yes", "y", "on").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The environment variable, or {@code defaultValue} when it is unset or blank. */
    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** Prints the message with the seconds since the JVM started (bench/README.md reads the phases from them). */
    private static void log(String message) {
        System.out.printf(Locale.ROOT, "[launcher] %s (%.1f s)%n", message,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    /** A start-up problem the user can fix; reported as one line, without a stack trace. */
    private static final class LaunchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaunchException(String message) {
            super(message);
        }
    }
}
