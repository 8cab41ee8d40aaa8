package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request edges, tried as an attacker would: a cross-site form post riding on credentials a
 * browser cached, junk flooding the webhook, bodies too large to hold, password guessing, and
 * cookies and challenges that let a browser be used against the MIS. Requests whose source
 * address counts come from their own 127.0.0.x, so the other tests' 127.0.0.1 is never throttled.
 */
@ExtendWith(RunningDemo.class)
class RequestEdgesIT {

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningDemo.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    @Test
    @DisplayName("a cross-site form post with cached Basic credentials clears nothing (403), a text post is a 415, and JSON from the MIS itself works")
    void crossSiteRequests() throws Exception {
        String id = Api.as("admin@riverside").post("/api/credits/purchases",
                "{\"packageId\":\"learner-10\",\"method\":\"cheque\"}").json().getString("id");
        String finance = basic("finance@platform", "demo");
        String clear = "/api/credits/platform/purchases/" + id + "/clear";
        HttpResponse<String> crossSite = send(post(clear, "application/x-www-form-urlencoded", "")
                .header("Authorization", finance).header("Origin", "http://evil.example"));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertEquals("application/problem+json", crossSite.headers().firstValue("Content-Type").orElse(""));
        assertTrue(crossSite.body().contains("\"foreign_origin\""), crossSite.body());
        HttpResponse<String> form = send(post(clear, "application/x-www-form-urlencoded", "x=1")
                .header("Authorization", finance));
        assertEquals(415, form.statusCode(), form.body());
        HttpResponse<String> text = send(post(clear, "text/plain", "{}").header("Authorization", finance));
        assertEquals(415, text.statusCode(), text.body());
        assertTrue(text.body().contains("\"unsupported_media_type\""), text.body());
        HttpResponse<String> textUsage = send(post("/api/credits/usages", "text/plain",
                "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"csrf-text\"}")
                .header("Authorization", basic("staff@riverside", "demo")));
        assertEquals(415, textUsage.statusCode(), textUsage.body());
        assertEquals("pending", Api.as("admin@riverside").get("/api/credits/purchases/" + id).json().getString("status"));

        HttpResponse<String> fromTheMis = send(post("/api/credits/platform/purchases/" + id + "/fail", null, "")
                .header("Authorization", finance).header("Origin", RunningDemo.baseUrl()));
        assertEquals(200, fromTheMis.statusCode(), fromTheMis.body());
        HttpResponse<String> json = send(post("/api/credits/purchases", "application/json",
                "{\"packageId\":\"learner-1\",\"method\":\"cheque\"}").header("Authorization", basic("admin@riverside", "demo"))
                .header("Origin", RunningDemo.baseUrl()));
        assertEquals(201, json.statusCode(), json.body());
        assertEquals("failed", Api.as("admin@riverside").get("/api/credits/purchases/" + id).json().getString("status"));
    }

    @Test
    @DisplayName("601 unsigned posts to the webhook from one address are limited, and a signed event from that address still goes through")
    void webhookLimitsOnlyFailures() throws Exception {
        String junk = "POST /api/credits/stripe/webhook HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Stripe-Signature: t=1,v1=00\r\nContent-Length: 2";
        // windows are clock minutes: the 601st junk post of one window is refused, so within two
        // windows (1,202 posts) a 429 must come, and never before 600 failures of its window
        RawHttp.Answer last = null;
        int posts = 0;
        while (posts < 1202 && (last == null || last.status() != 429)) {
            last = RawHttp.send("127.0.0.21", junk, "{}".getBytes(StandardCharsets.UTF_8));
            posts++;
            assertTrue(last.status() == 400 || last.status() == 429, posts + ": " + last);
        }
        assertEquals(429, last.status(), last.toString());
        assertTrue(posts >= 601, "refused after only " + posts + " posts");
        assertNotNull(last.header("Retry-After"));

        String event = "{\"id\":\"evt_edges_" + System.nanoTime() + "\",\"object\":\"event\",\"api_version\":"
                + "\"2026-07-29.dahlia\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,"
                + "\"pending_webhooks\":1,\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_edges\","
                + "\"object\":\"customer\"}}}";
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer signed = RawHttp.send("127.0.0.21", "POST /api/credits/stripe/webhook HTTP/1.1\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nStripe-Signature: " + sign(event)
                + "\r\nContent-Length: " + body.length, body);
        assertEquals(200, signed.status(), signed.toString());
    }

    static String sign(String payload) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RunningDemo.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("an unauthenticated 120 MB body is refused with 413 before anything holds it, declared or chunked")
    void bodiesCappedBeforeSignIn() throws Exception {
        RawHttp.Answer declared = RawHttp.send("127.0.0.22", "POST /api/demo/learners HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 125829120", new byte[0]);
        assertEquals(413, declared.status(), declared.toString());
        assertTrue(declared.header("Content-Type").startsWith("application/problem+json"), declared.toString());
        RawHttp.Answer chunked = RawHttp.chunked("127.0.0.22", "POST /api/demo/sms HTTP/1.1\r\n"
                + "Content-Type: application/json", 120L * 1024 * 1024);
        assertEquals(413, chunked.status(), chunked.toString());
        RawHttp.Answer login = RawHttp.chunked("127.0.0.22", "POST /login HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded", 5L * 1024 * 1024);
        assertEquals(413, login.status(), login.toString());
        assertEquals(200, Api.anonymous().get("/health/ready").status(), "the demo is still up");
        assertEquals(201, Api.as("staff@riverside").raw("POST", "/api/demo/learners",
                ("{\"name\":\"Small Body\",\"upn\":\"SB" + System.nanoTime() % 100000 + "\"}")
                        .getBytes(StandardCharsets.UTF_8), "application/json", null, "application/json").status());
    }

    @Test
    @DisplayName("10 failed sign-ins from one address make the 11th a 429 with Retry-After, the right password too, by Basic and by form; other addresses sign in")
    void failedSignInsThrottledPerAddress() {
        for (int i = 0; i < 10; i++) {
            RawHttp.Answer failed = RawHttp.send("127.0.0.23", "GET /api/credits/balance HTTP/1.1\r\nAuthorization: "
                    + basic("guess" + i + "@oakwood", "nope"), new byte[0]);
            assertEquals(401, failed.status(), failed.toString());
        }
        RawHttp.Answer throttled = RawHttp.send("127.0.0.23", "GET /api/credits/balance HTTP/1.1\r\nAuthorization: "
                + basic("admin@oakwood", "demo"), new byte[0]);
        assertEquals(429, throttled.status(), throttled.toString());
        assertTrue(Long.parseLong(throttled.header("Retry-After")) > 0);
        byte[] form = "username=admin%40oakwood&password=demo".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer byForm = RawHttp.send("127.0.0.23", "POST /login HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + form.length, form);
        assertEquals(429, byForm.status(), byForm.toString());
        assertEquals(200, RawHttp.send("127.0.0.24", "GET /api/credits/balance HTTP/1.1\r\nAuthorization: "
                + basic("admin@oakwood", "demo"), new byte[0]).status());
    }

    @Test
    @DisplayName("10 failed sign-ins for one account from ten addresses make the next attempt from an eleventh a 429; a NUL in the name is a 401, not a 503")
    void failedSignInsThrottledPerAccount() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, RawHttp.send("127.0.0." + (30 + i), "GET /api/credits/balance HTTP/1.1\r\nAuthorization: "
                    + basic("ghost@nowhere", "guess" + i), new byte[0]).status());
        }
        assertEquals(429, RawHttp.send("127.0.0.40", "GET /api/credits/balance HTTP/1.1\r\nAuthorization: "
                + basic("ghost@nowhere", "guess"), new byte[0]).status());
        assertEquals(401, RawHttp.send("127.0.0.41", "GET /api/credits/balance HTTP/1.1\r\nAuthorization: "
                + basic("admin\0@oakwood", "demo"), new byte[0]).status());
    }

    @Test
    @DisplayName("a browser is never challenged for Basic (so it caches nothing); curl still is")
    void noBasicChallengeForBrowsers() {
        String wrong = "\r\nAuthorization: " + basic("admin@oakwood", "wrong");
        RawHttp.Answer page = RawHttp.send("127.0.0.42", "GET /api/credits/balance HTTP/1.1\r\nAccept: text/html" + wrong,
                new byte[0]);
        assertEquals(401, page.status());
        assertNull(page.header("WWW-Authenticate"));
        RawHttp.Answer fetch = RawHttp.send("127.0.0.42", "GET /api/credits/balance HTTP/1.1\r\nSec-Fetch-Mode: cors\r\n"
                + "Sec-Fetch-Site: same-origin", new byte[0]);
        assertEquals(401, fetch.status(), "the plugin's own 401");
        assertNull(fetch.header("WWW-Authenticate"));
        RawHttp.Answer curl = RawHttp.send("127.0.0.42", "GET /api/credits/balance HTTP/1.1\r\nAccept: */*" + wrong,
                new byte[0]);
        assertEquals(401, curl.status());
        assertTrue(curl.header("WWW-Authenticate").startsWith("Basic"), curl.toString());
        RawHttp.Answer curlPlugin = RawHttp.send("127.0.0.42", "GET /api/credits/balance HTTP/1.1\r\nAccept: */*",
                new byte[0]);
        assertTrue(curlPlugin.header("WWW-Authenticate").startsWith("Basic"), curlPlugin.toString());
    }

    @Test
    @DisplayName("the session and csrf cookies are SameSite=Lax always, and Secure when the request came over TLS")
    void cookies() throws Exception {
        for (boolean tls : new boolean[] {false, true}) {
            HttpRequest.Builder login = post("/login", "application/x-www-form-urlencoded",
                    "username=staff%40oakwood&password=demo");
            if (tls) {
                login.header("X-Forwarded-Proto", "https");
            }
            HttpResponse<String> signedIn = send(login);
            assertEquals(303, signedIn.statusCode());
            List<String> cookies = signedIn.headers().allValues("Set-Cookie");
            assertEquals(2, cookies.size(), cookies.toString());
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString());
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("csrf=")), cookies.toString());
            for (String cookie : cookies) {
                assertTrue(cookie.contains("; SameSite=Lax"), cookie);
                assertEquals(tls, cookie.contains("; Secure"), cookie);
            }
        }
    }

    @Test
    @DisplayName("with DEMO_MODE off and no DEMO_PASSWORD the demo refuses to start and says why")
    void passwordRequiredOutsideDemoMode() throws Exception {
        Path dir = Files.createTempDirectory("school-credits-nopassword");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "school-credits-demo.jar").toString()).redirectErrorStream(true);
        builder.environment().remove("DEMO_PASSWORD");
        builder.environment().put("DEMO_MODE", "false");
        builder.environment().put("CREDITS_DATA_DIR", dir.toString());
        builder.environment().put("PORT", "1");
        Process launcher = builder.start();
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher ends at once");
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, launcher.exitValue(), output);
        assertTrue(output.contains("DEMO_PASSWORD is required when DEMO_MODE is off"), output);
    }
}
