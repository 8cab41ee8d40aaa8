package org.schoolcredits.demo.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the demo, started from the built launcher on a PostgreSQL of the test's, so
 * that several instances share it. It can be stopped as Ctrl-C would, or killed with SIGKILL.
 */
final class DemoInstance {

    final String name;
    final int port;
    final Path dataDir;
    private final Map<String, String> env;
    private Process launcher;

    DemoInstance(String name, Map<String, String> env) throws IOException {
        this.name = name;
        this.port = freePort();
        this.dataDir = Files.createTempDirectory("school-credits-" + name);
        this.env = env;
    }

    String url() {
        return "http://localhost:" + port;
    }

    void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "school-credits-demo.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "faults-" + name + ".log").toFile()));
        builder.environment().remove("CREDITS_DB_URL");
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CREDITS_DATA_DIR", dataDir.toString());
        builder.environment().put("CREDITS_PUBLIC_URL", url());
        launcher = builder.start();
        awaitReady(Duration.ofSeconds(180));
    }

    /** kill -9 of the application server, as a crash would; the launcher follows it. */
    void crash() throws Exception {
        long pid = Long.parseLong(Files.readString(dataDir.resolve("payara.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        launcher.waitFor(60, TimeUnit.SECONDS);
        launcher.destroyForcibly();
    }

    void stop() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            try {
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int ready() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready() == 200) {
                return;
            }
            if (launcher != null && !launcher.isAlive()) {
                throw new IllegalStateException(name + " exited; see target/faults-" + name + ".log");
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see target/faults-" + name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
