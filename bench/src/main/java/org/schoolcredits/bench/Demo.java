package org.schoolcredits.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo as a user runs it: {@code java -jar school-credits-demo.jar} on a free port and a
 * fresh data directory, timed from launch to {@code GET /health/ready} answering 200.
 */
final class Demo implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final int port;
    private final double readySeconds;

    private Demo(Process process, Path dataDir, int port, double readySeconds) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.readySeconds = readySeconds;
    }

    /** {@code dir}, emptied or created. */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Launches the demo with these extra environment variables and JVM options; returns once it is ready. */
    static Demo start(Path jar, Path dataDir, Path log, Map<String, String> env, List<String> jvm) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no demo jar at " + jar + ": build it with mvn -B package -DskipTests"
                    + " (bench/run does), or set BENCH_DEMO_JAR");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("CREDITS_DB_URL");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CREDITS_DATA_DIR", dataDir.toString());
        builder.environment().put("CREDITS_PUBLIC_URL", "http://localhost:" + port);
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        Process process = builder.start();
        // a bench stopped by Ctrl-C stops its demo too (the launcher then stops Payara and its PostgreSQL)
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        HttpClient client = HttpClient.newHttpClient();
        long deadline = launched + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return new Demo(process, dataDir, port, (System.nanoTime() - launched) / 1e9);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroy();
        throw new IllegalStateException("the demo was not ready within 180 s; see " + log);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    double readySeconds() {
        return readySeconds;
    }

    /** The launcher (which runs Payara Micro), and PostgreSQL: the embedded one, or {@code postmaster} when given. */
    Processes.Memory memory(long postmaster) throws IOException {
        long postgres = postmaster;
        Path pidFile = dataDir.resolve("pgdata").resolve("postmaster.pid");
        if (postgres <= 0 && Files.isRegularFile(pidFile)) {
            postgres = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        }
        return Processes.of(process.pid(), postgres);
    }

    /** Stops it as Ctrl-C would: the launcher stops Payara, then its PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
