package org.schoolcredits.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo, started once for all black-box tests from the built launcher
 * ({@code target/school-credits-demo.jar}) on a free port with a fresh data directory, exactly
 * as a user runs it; stopped when the test JVM ends. Tests reach it only over HTTP.
 */
public final class RunningDemo implements BeforeAllCallback {

    /** The secret the demo's webhook verifies Stripe events with. */
    public static final String WEBHOOK_SECRET = "whsec_running_demo";
    /** Where the demo's platform finance e-mails go. */
    public static final String FINANCE_EMAIL = "finance@platform.example";

    private static Process process;
    private static int port;
    private static Path dataDir;
    private static Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningDemo.class) {
            if (process == null) {
                dataDir = Files.createTempDirectory("school-credits-it");
                log = Path.of("target", "demo-it.log");
                port = freePort();
                start();
                Runtime.getRuntime().addShutdownHook(new Thread(RunningDemo::stop));
            }
        }
    }

    public static String baseUrl() {
        return "http://localhost:" + port;
    }

    public static Path dataDir() {
        return dataDir;
    }

    /** Stops the demo as Ctrl-C would and starts it again on the same data. */
    public static synchronized void restart() throws Exception {
        stop();
        start();
    }

    private static void start() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("CREDITS_DB_URL");
        env.put("CREDITS_FEATURES", FeaturesIT.WHATSAPP); // a feature of the host's own beside the defaults
        env.put("PORT", Integer.toString(port));
        env.put("CREDITS_DATA_DIR", dataDir.toString());
        env.put("CREDITS_PUBLIC_URL", "http://localhost:" + port);
        env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET); // so that tests can sign Stripe events
        env.put("CREDITS_FINANCE_EMAIL", FINANCE_EMAIL);
        // the ITs buy for the same two schools many times a minute; the limit itself is RateLimitsTest's
        env.put("CREDITS_RATE_LIMIT_PURCHASES", "100000");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "school-credits-demo.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        process = builder.start();
        awaitReady(Duration.ofSeconds(120));
    }

    private static void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the demo was not ready within " + timeout + "; see " + log);
    }

    private static synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
