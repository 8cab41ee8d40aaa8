package org.example.mis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The minimal host, a second MIS built from docs/host-integration.md only, deployed at {@code /mis} on
 * its own data source as an ordinary database role, driven over HTTP and in Chromium as its users would.
 */
class MinimalHostIT {

    private static final String HEAD = "head@greenfield";
    private static final String TEACHER = "teacher@greenfield";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningHost host;

    @BeforeAll
    static void start() throws Exception {
        host = new RunningHost();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @DisplayName("the host's own API answers at /mis/api/mis for the host's signed-in users, and the plugin answers"
            + " only under /mis/api/credits")
    void hostApiIsTheHosts() throws Exception {
        HttpResponse<String> me = call(TEACHER, "GET", "/mis/api/mis/me", null);
        assertEquals(200, me.statusCode(), me.body());
        JsonObject user = json(me.body()).asJsonObject();
        assertEquals(TEACHER, user.getString("user"));
        assertEquals("Tom Teacher", user.getString("displayName"));
        assertEquals("greenfield", user.getString("school"));
        assertEquals(401, call(null, "GET", "/mis/api/mis/me", null).statusCode());
        assertEquals(401, call(TEACHER, "GET", "/mis/api/mis/me", null, "wrong").statusCode());

        assertEquals(404, call(TEACHER, "GET", "/mis/api/mis/balance", null).statusCode());
        assertEquals(404, call(TEACHER, "GET", "/api/credits/balance", null).statusCode());
        HttpResponse<String> balance = call(TEACHER, "GET", "/mis/api/credits/balance", null);
        assertEquals(200, balance.statusCode(), balance.body());
        HttpResponse<String> fragments = call(TEACHER, "GET", "/mis/api/credits/fragments", null);
        assertTrue(fragments.body().contains("\"module\":\"credits/credits-balance.js\""), fragments.body());
        assertFalse(fragments.body().contains("credits-settings"), "a teacher may not buy: " + fragments.body());
        assertEquals(200, call(null, "GET", "/mis/credits/credits-balance.js", null).statusCode(),
                "the fragments' modules are public");
    }

    @Test
    @DisplayName("the host and the plugin run as an ordinary database role: not a superuser, owner of the plugin's"
            + " schema it migrated and of the host's")
    void ordinaryRole() throws Exception {
        assertEquals(0, RunningHost.count(host.superuser(), "select count(*) from pg_roles where rolname = '"
                + RunningHost.ROLE + "' and (rolsuper or rolcreaterole or rolcreatedb)"));
        assertEquals(2, RunningHost.count(host.superuser(), "select count(*) from pg_namespace"
                + " where nspname in ('credits', 'mis') and pg_get_userbyid(nspowner) = '" + RunningHost.ROLE + "'"));
    }

    @Test
    @DisplayName("a learner registered at zero learner credits is vetoed with the 402 of the host kit, its row rolled"
            + " back in the host's own table, and the top-up link is the host's credits page under /mis")
    void learnerVetoedAtZero() throws Exception {
        HttpResponse<String> first = call(HEAD, "POST", "/mis/api/mis/learners", "{\"name\":\"Ada Lovelace\",\"upn\":\"A100\"}");
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(json(first.body()).asJsonObject().getString("message").contains("0 learner credits remaining"),
                first.body());

        HttpResponse<String> vetoed = call(HEAD, "POST", "/mis/api/mis/learners", "{\"name\":\"Alan Turing\",\"upn\":\"A200\"}");
        assertEquals(402, vetoed.statusCode(), vetoed.body());
        assertEquals("application/problem+json", vetoed.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(vetoed.body()).asJsonObject();
        assertEquals("insufficient_credits", problem.getString("code"));
        assertEquals(host.url("/mis/credits.html"), problem.getString("topUpUrl"));
        assertEquals(0, RunningHost.count(host.superuser(), "select count(*) from mis.learner where upn = 'A200'"));
        assertEquals(1, RunningHost.count(host.superuser(), "select count(*) from mis.learner where upn = 'A100'"));

        HttpResponse<String> byTeacher = call(TEACHER, "POST", "/mis/api/mis/learners", "{\"name\":\"Grace Hopper\",\"upn\":\"A300\"}");
        assertEquals(402, byTeacher.statusCode(), byTeacher.body());
        JsonObject toTeacher = json(byTeacher.body()).asJsonObject();
        assertFalse(toTeacher.containsKey("topUpUrl"), byTeacher.body());
        assertEquals(List.of("Hana Head"), toTeacher.getJsonArray("admins").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        assertEquals(0, RunningHost.count(host.superuser(), "select count(*) from mis.learner where upn = 'A300'"));
    }

    @Test
    @DisplayName("an SMS that fails at the host's gateway is refunded: charged for the one sent, and the history shows"
            + " the failed one refunded")
    void smsFailedAndRefunded() throws Exception {
        BigDecimal before = connectAvailable();
        HttpResponse<String> sent = call(TEACHER, "POST", "/mis/api/mis/sms",
                "{\"to\":[\"07700900001\",\"07700900999\"],\"text\":\"Trip tomorrow\"}");
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject result = json(sent.body()).asJsonObject();
        assertEquals(1, result.getInt("sent"));
        assertEquals(1, result.getInt("failed"));
        assertEquals(0, new BigDecimal("0.6").compareTo(result.getJsonNumber("credits").bigDecimalValue()));
        assertEquals(0, before.subtract(new BigDecimal("0.6")).compareTo(connectAvailable()));

        HttpResponse<String> history = call(HEAD, "GET", "/mis/api/credits/history?feature=SMS", null);
        assertEquals(200, history.statusCode(), history.body());
        List<String> entries = json(history.body()).asJsonObject().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(item -> item.getString("kind") + " " + item.getString("status")).sorted().toList();
        assertEquals(List.of("refund success", "usage refunded", "usage success"), entries, history.body());
    }

    @Test
    @DisplayName("the balance widget shows the school's balance in Chromium on the host's page under /mis, mounted"
            + " from the plugin's fragment registry")
    void widgetShowsTheBalance() throws Exception {
        String expected = connectAvailable().stripTrailingZeros().toPlainString();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--window-size=1280,900");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        try {
            // the host's sign-in is HTTP Basic: the browser sends the head's credentials with every request
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", basic(HEAD,
                    RunningHost.PASSWORD))));
            driver.get(host.url("/mis/"));
            String shown = new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class).until(d -> d.findElement(By.cssSelector(
                            "[data-slot='dashboard.widget'] credits-balance")).getShadowRoot()
                            .findElement(By.cssSelector("[data-credit=connect] .amount")).getText());
            assertEquals(expected, shown);
            assertTrue(driver.findElement(By.id("who")).getText().contains("Hana Head"));
            Path screenshots = Path.of(System.getProperty("screenshots", "target/screenshots"));
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve("minimal-host.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    private static BigDecimal connectAvailable() throws Exception {
        HttpResponse<String> balance = call(HEAD, "GET", "/mis/api/credits/balance", null);
        assertEquals(200, balance.statusCode(), balance.body());
        return json(balance.body()).asJsonObject().getJsonObject("connect").getJsonNumber("available").bigDecimalValue();
    }

    private static HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        return call(user, method, path, body, RunningHost.PASSWORD);
    }

    private static HttpResponse<String> call(String user, String method, String path, String body, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.url(path))).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }
}
