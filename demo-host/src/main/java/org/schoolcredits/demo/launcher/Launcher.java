package org.schoolcredits.demo.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Main class of {@code school-credits-demo.jar}: runs the School Credits demo with one command. It starts an embedded
 * PostgreSQL (unless {@code CREDITS_DB_URL} names an external database), then Payara Micro in this JVM
 * ({@link PayaraServer}) with {@code lib/school-credits-demo-host.war} at {@code http://localhost:<PORT>/}; on
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
        Map<String, String> settings = startDatabase(dataDir);
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
     * Starts the database, if embedded; a shutdown hook arriving meanwhile waits for it. Returns Payara's
     * settings: where the database is and as whom to sign in.
     */
    private static synchronized Map<String, String> startDatabase(Path dataDir) throws IOException {
        if (stopping) {
            throw new LaunchException("Stopped before start.");
        }
        String url = env("CREDITS_DB_URL", null);
        String user;
        String password;
        String migrationUser = env("CREDITS_DB_MIGRATION_USER", null);
        String migrationPassword = env("CREDITS_DB_MIGRATION_PASSWORD", null);
        if (url == null) {
            log("Starting embedded PostgreSQL ...");
            database = EmbeddedDatabase.start(dataDir);
            url = database.jdbcUrl();
            user = DatabaseRoles.RUNTIME;
            password = database.roles().password(DatabaseRoles.RUNTIME);
            migrationUser = DatabaseRoles.OWNER;
            migrationPassword = database.roles().password(DatabaseRoles.OWNER);
            log("Database: embedded PostgreSQL on port " + database.port() + ", data in " + database.dataDirectory()
                    + "; roles " + migrationUser + " (migrations) and " + user + ", passwords in "
                    + dataDir.resolve("db-passwords.properties"));
        } else {
            user = env("CREDITS_DB_USER", "postgres");
            password = env("CREDITS_DB_PASSWORD", "postgres");
            // Parameters are left out: they might hold a password.
            log("Database: external " + url.split("\\?", 2)[0] + " as user " + user);
        }
        Map<String, String> settings = new HashMap<>(Map.of("credits.db.url", url, "credits.db.user", user,
                "credits.db.password", password, "credits.simulated-payments", Boolean.toString(simulatedPayments())));
        if (migrationUser != null) {
            settings.put("credits.db.migration.user", migrationUser);
            settings.put("credits.db.migration.password", migrationPassword == null ? "" : migrationPassword);
        }
        payaraPidFile = dataDir.resolve("payara.pid");
        Files.writeString(payaraPidFile, Long.toString(ProcessHandle.current().pid()));
        return settings;
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
        Optional<ProcessHandle> leftover = runningProcess(pidFile, "payara-micro");
        if (leftover.isPresent()) {
            log("Stopping Payara Micro left running by an earlier launcher (pid " + leftover.get().pid() + ")");
            leftover.get().destroyForcibly();
            if (!waitForExit(leftover.get(), 10)) {
                throw new LaunchException("Payara Micro (pid " + leftover.get().pid()
                        + ") does not stop; stop it by hand.");
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** The live process whose pid is the first line of {@code pidFile}, if its command line mentions {@code marker}. */
    static Optional<ProcessHandle> runningProcess(Path pidFile, String marker) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst()
                    .flatMap(Launcher::parsePid)
                    .flatMap(ProcessHandle::of)
                    .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
        }
    }

    /** Waits up to {@code seconds} for the process to end; tells whether it has. */
    static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out: the answer is below
        }
        return !process.isAlive();
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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

    private static void log(String message) {
        System.out.println("[launcher] " + message);
    }

    /** A start-up problem the user can fix; reported as one line, without a stack trace. */
    private static final class LaunchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaunchException(String message) {
            super(message);
        }
    }
}
