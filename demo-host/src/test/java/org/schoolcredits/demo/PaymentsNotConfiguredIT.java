package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A demo of its own, started with {@code CREDITS_SIMULATED_PAYMENTS=false} and no Stripe key:
 * card payments fail closed (503, readiness DOWN with the reason), BACS and cheque still work.
 */
class PaymentsNotConfiguredIT {

    static Process demo;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://localhost:" + port;
        Path data = Files.createTempDirectory("school-credits-closed");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "school-credits-demo.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "demo-closed-it.log").toFile()));
        builder.environment().remove("CREDITS_DB_URL");
        builder.environment().remove("STRIPE_SECRET_KEY");
        builder.environment().put("CREDITS_SIMULATED_PAYMENTS", "false");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CREDITS_DATA_DIR", data.toString());
        demo = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!demo.isAlive()) {
                throw new IllegalStateException("the demo exited; see target/demo-closed-it.log");
            }
            if (ready().body().contains("school-credits-payments")
                    && Api.at(base, "admin@oakwood").get("/api/credits/balance").status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the demo did not start; see target/demo-closed-it.log");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (demo != null && demo.isAlive()) {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor();
            }
        }
    }

    /** What {@code /health/ready} answers; status -1 while nothing listens yet. */
    record Ready(int status, String body) {
    }

    static Ready ready() throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Ready(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Ready(-1, "");
        }
    }

    @Test
    @DisplayName("with neither a Stripe key nor simulated payments, a card purchase answers 503"
            + " payments_not_configured and creates nothing, readiness is DOWN saying why, and BACS still works")
    void cardPaymentsFailClosed() throws Exception {
        Api admin = Api.at(base, "admin@oakwood");
        Api.Reply card = admin.post("/api/credits/purchases", "{\"packageId\":\"connect-medium\",\"method\":\"card\"}");
        assertEquals(503, card.status(), card::toString);
        assertEquals("payments_not_configured", card.json().getString("code"));
        assertEquals(0, admin.get("/api/credits/purchases").array().size(), "nothing was created");

        Ready ready = ready();
        assertEquals(503, ready.status(), ready.body());
        JsonObject payments = jakarta.json.Json.createReader(new java.io.StringReader(ready.body())).readObject()
                .getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("school-credits-payments")).findFirst().orElseThrow();
        assertEquals("DOWN", payments.getString("status"));
        assertTrue(payments.getJsonObject("data").getString("cardPayments").contains("STRIPE_SECRET_KEY"),
                payments::toString);

        Api.Reply bacs = admin.post("/api/credits/purchases", "{\"packageId\":\"learner-10\",\"method\":\"bacs\"}");
        assertEquals(201, bacs.status(), bacs::toString);
        assertEquals("pending", bacs.json().getString("status"));
    }
}
