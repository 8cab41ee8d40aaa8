package org.schoolcredits.demo.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.Message;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.schoolcredits.demo.Api;

/**
 * The slow suite: two demo instances on one PostgreSQL (no cluster between them, on purpose:
 * the database is all they share), an SMTP server, crashes and a database outage. Run with
 * {@code mvn -B verify -Pfaults -pl demo-host -am}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    static final String WEBHOOK_SECRET = "whsec_faults_suite";
    static final String OAKWOOD_ADMIN_MAIL = "admin@oakwood.example.org";
    /** The owner role migrates; the instances serve as the runtime role, which owns nothing. */
    static final String OWNER = "credits_owner";
    static final String RUNTIME = "credits_app";

    static EmbeddedPostgres database;
    static Path databaseDir;
    static int databasePort;
    static GreenMail smtp;
    static DemoInstance a;
    static DemoInstance b;

    @BeforeAll
    static void startCluster() throws Exception {
        databaseDir = Files.createTempDirectory("school-credits-faults-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        database = startDatabase();
        try (Connection c = database.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + OWNER + " login password 'owner-secret'");
            s.execute("create role " + RUNTIME + " login password 'app-secret'");
            s.execute("grant create on database postgres to " + OWNER);
        }
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = Map.of(
                "CREDITS_DB_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "CREDITS_DB_USER", RUNTIME, "CREDITS_DB_PASSWORD", "app-secret",
                "CREDITS_DB_MIGRATION_USER", OWNER, "CREDITS_DB_MIGRATION_PASSWORD", "owner-secret",
                "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "CREDITS_HOLDS_TIMEOUT", "PT20S",
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort),
                "SMTP_FROM", "credits@example.org");
        a = new DemoInstance("a", env);
        b = new DemoInstance("b", env);
        a.start();
        b.start();
    }

    static EmbeddedPostgres startDatabase() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(databaseDir).setCleanDataDirectory(false)
                .setPort(databasePort).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (DemoInstance instance : new DemoInstance[] {a, b}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void reconciles() {
        JsonObject report = finance(a).get("/api/credits/platform/reconciliation").json();
        assertTrue(report.getBoolean("ok"), report::toString);
    }

    static Api finance(DemoInstance at) {
        return Api.at(at.url(), "finance@platform");
    }

    static Api staff(DemoInstance at) {
        return Api.at(at.url(), "staff@oakwood");
    }

    static BigDecimal connect(String school) {
        return Api.at(a.url(), "admin@" + school).get("/api/credits/balance").json().getJsonObject("connect")
                .getJsonNumber("available").bigDecimalValue();
    }

    static void setConnect(String school, int credits) {
        BigDecimal delta = BigDecimal.valueOf(credits).subtract(connect(school));
        if (delta.signum() != 0) {
            Api.Reply reply = finance(a).post("/api/credits/platform/adjustments", "{\"school\":\"" + school
                    + "\",\"creditType\":\"connect\",\"amount\":" + delta.toPlainString() + ",\"reason\":\"faults\"}");
            assertEquals(201, reply.status(), reply::toString);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(500);
        }
    }

    static <T> List<T> runAll(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    static long mailsTo(String address) {
        long count = 0;
        for (Message message : smtp.getReceivedMessages()) {
            try {
                for (Address recipient : message.getAllRecipients()) {
                    if (recipient.toString().contains(address)) {
                        count++;
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return count;
    }

    @Test
    @Order(1)
    @DisplayName("a crossing below the threshold e-mails each admin exactly once, though both instances send")
    void outboxOnBothInstances() throws Exception {
        setConnect("oakwood", 30);
        long before = mailsTo(OAKWOOD_ADMIN_MAIL);
        assertEquals(201, staff(a).post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"A1\"}").status());
        assertEquals(201, staff(b).post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"B1\"}").status());
        await("the low-balance e-mail arrives", Duration.ofSeconds(90), () -> mailsTo(OAKWOOD_ADMIN_MAIL) > before);
        Thread.sleep(25_000);
        assertEquals(before + 1, mailsTo(OAKWOOD_ADMIN_MAIL), "exactly one e-mail for one crossing");
    }

    @Test
    @Order(2)
    @DisplayName("20 licence checks racing on two instances against 40 credits: exactly 5 run")
    void overspendingRace() throws Exception {
        setConnect("oakwood", 40);
        List<Callable<Integer>> checks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DemoInstance at = i % 2 == 0 ? a : b;
            checks.add(() -> staff(at).post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"RACE1\"}").status());
        }
        List<Integer> statuses = runAll(checks);
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(15, statuses.stream().filter(s -> s == 402).count(), statuses::toString);
        assertEquals(0, BigDecimal.ZERO.compareTo(connect("oakwood")));
    }

    @Test
    @Order(3)
    @DisplayName("the same Stripe event delivered to both instances, five times each at once, credits once")
    void sameStripeEventAtBoth() throws Exception {
        BigDecimal before = connect("riverside");
        JsonObject purchase = Api.at(a.url(), "admin@riverside").post("/api/credits/purchases",
                "{\"packageId\":\"connect-medium\",\"method\":\"card\"}").json();
        String event = completedEvent(purchase);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            DemoInstance at = i % 2 == 0 ? a : b;
            deliveries.add(() -> deliver(at, event));
        }
        List<Integer> statuses = runAll(deliveries);
        assertTrue(statuses.stream().allMatch(s -> s / 100 == 2), statuses::toString);
        assertEquals(0, before.add(BigDecimal.valueOf(100)).compareTo(connect("riverside")));
        assertEquals("paid", Api.at(b.url(), "admin@riverside").get("/api/credits/purchases/"
                + purchase.getString("id")).json().getString("status"));
    }

    @Test
    @Order(4)
    @DisplayName("holds nobody settles are released once by the sweeps of both instances")
    void holdSweepOnBoth() throws Exception {
        setConnect("oakwood", 10);
        for (int i = 0; i < 10; i++) {
            DemoInstance at = i % 2 == 0 ? a : b;
            Api.Reply held = staff(at).post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":1,"
                    + "\"reference\":\"sweep-" + i + "\"}");
            assertEquals(201, held.status(), held::toString);
        }
        await("the sweep releases every hold", Duration.ofSeconds(120),
                () -> BigDecimal.TEN.compareTo(connect("oakwood")) == 0);
        assertEquals(10, refundsOf("sweep-"), "each hold refunded exactly once");
    }

    @Test
    @Order(5)
    @DisplayName("the month end on two instances writes one new allowance")
    void monthEndOnBoth() throws Exception {
        JsonObject allowance = Api.at(a.url(), "admin@riverside").get("/api/credits/balance").json()
                .getJsonObject("connect").getJsonObject("allowance");
        Instant end = java.time.OffsetDateTime.parse(allowance.getString("expiresAt")).toInstant();
        long days = Duration.between(Instant.now(), end).toDays() + 1;
        assertEquals(200, finance(b).post("/api/demo/clock/advance", "{\"days\":" + days + "}").status());
        String firstEnd = allowance.getString("expiresAt");
        await("the next month's allowance", Duration.ofSeconds(120), () -> {
            JsonValue next = Api.at(b.url(), "admin@riverside").get("/api/credits/balance").json()
                    .getJsonObject("connect").get("allowance");
            return next instanceof JsonObject o && !o.getString("expiresAt").equals(firstEnd);
        });
        Thread.sleep(35_000); // both month-end jobs have run again
        List<JsonObject> grants = history("admin@riverside", "creditType=connect&limit=200").stream()
                .filter(r -> "grant".equals(r.getString("kind"))).toList();
        String newMonth = grants.get(0).getString("reference");
        assertEquals(1, grants.stream().filter(r -> newMonth.equals(r.getString("reference"))).count());
    }

    @Test
    @Order(6)
    @DisplayName("kill -9 of an instance under load: clients retrying with their keys finish exactly once")
    void crashUnderLoad() throws Exception {
        setConnect("oakwood", 500);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, staff(b).post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":1,"
                    + "\"reference\":\"abandoned-" + i + "\"}").status());
        }
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        int clients = 6;
        int operations = 15;
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(() -> {
                for (int i = 0; i < operations; i++) {
                    String reference = "crash-" + client + "-" + i;
                    String body = "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"" + reference + "\"}";
                    Api.Reply held = retrying(at -> staff(at).send("POST", "/api/credits/usages", body,
                            "reserve-" + reference));
                    assertEquals(201, held.status(), held::toString);
                    String id = held.json().getString("id");
                    Api.Reply captured = retrying(at -> staff(at).send("POST", "/api/credits/usages/" + id + "/capture",
                            null, "capture-" + reference));
                    assertEquals(200, captured.status(), captured::toString);
                    if (done.incrementAndGet() == clients * operations / 3 && crashed.compareAndSet(false, true)) {
                        b.crash();
                    }
                }
                return null;
            });
        }
        runAll(work);
        assertTrue(crashed.get());
        b.start();
        assertEquals(clients * operations, usagesOf("crash-"), "every operation charged exactly once");
        await("the abandoned holds come back", Duration.ofSeconds(120), () -> refundsOf("abandoned-") == 3);
        assertEquals(0, new BigDecimal("500").subtract(new BigDecimal("0.6").multiply(
                BigDecimal.valueOf(clients * operations))).compareTo(connect("oakwood")));
    }

    @Test
    @Order(7)
    @DisplayName("PostgreSQL down for 60 s under load: readiness goes DOWN, the API answers 503 with Retry-After,"
            + " and everything recovers without a restart: a hold that expired meanwhile is swept, nothing half-written")
    void databaseOutage() throws Exception {
        setConnect("oakwood", 100);
        BigDecimal before = connect("oakwood");
        assertEquals(201, staff(a).post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":1,"
                + "\"reference\":\"outage-held\"}").status());
        long down = System.nanoTime();
        database.close();
        await("readiness goes DOWN", Duration.ofSeconds(60), () -> a.ready() == 503 && b.ready() == 503);
        Api.Reply refused = staff(a).post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":1}");
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("service_unavailable", refused.json().getString("code"));
        assertEquals("5", refused.header("Retry-After"));
        // the hold (timeout 20 s) expires while the database is down; every job fails at each run
        Thread.sleep(Math.max(0, Duration.ofSeconds(60).toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
        database = startDatabase();
        await("both instances recover by themselves", Duration.ofSeconds(120), () -> a.ready() == 200 && b.ready() == 200);
        await("the API works again", Duration.ofSeconds(60), () -> staff(b).post("/api/credits/usages",
                "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"after-outage\"}").status() == 201);
        await("the sweep, still running, releases the hold that expired in the outage and the one after it",
                Duration.ofSeconds(120), () -> refundsOf("outage-held") == 1 && refundsOf("after-outage") == 1);
        assertEquals(0, before.compareTo(connect("oakwood")), "no partial write: every hold came back, nothing else moved");
    }

    @Test
    @Order(8)
    @DisplayName("the instances serve as a runtime role that cannot rewrite a credit entry, disable its trigger or"
            + " alter its table; the owner role migrated")
    void runtimeRoleCannotRewriteEntries() throws Exception {
        String url = "jdbc:postgresql://localhost:" + databasePort + "/postgres?currentSchema=credits";
        try (Connection c = DriverManager.getConnection(url, RUNTIME, "app-secret"); Statement s = c.createStatement()) {
            try (var owner = s.executeQuery("select tableowner from pg_tables where schemaname = 'credits'"
                    + " and tablename = 'entry'")) {
                assertTrue(owner.next());
                assertEquals(OWNER, owner.getString(1));
            }
            try (var entries = s.executeQuery("select count(*) from entry")) {
                assertTrue(entries.next() && entries.getLong(1) > 0, "the runtime role reads entries");
            }
            for (String change : new String[] {"update entry set amount = 0", "delete from entry",
                    "alter table entry disable trigger entry_append_only", "alter table entry add column note text"}) {
                SQLException denied = assertThrows(SQLException.class, () -> s.execute(change), change);
                assertEquals("42501", denied.getSQLState(), change + ": " + denied.getMessage());
            }
        }
    }

    interface Call {
        Api.Reply at(DemoInstance instance) throws Exception;
    }

    /** Sends to b, and on a connection failure or 5xx to a, then b again, with the same keys. */
    static Api.Reply retrying(Call call) throws Exception {
        DemoInstance[] order = {b, a};
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                Api.Reply reply = call.at(order[attempt % 2]);
                if (reply.status() < 500) {
                    return reply;
                }
            } catch (IllegalStateException connectionFailed) {
                // the instance is down: try the other one
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no instance answered");
    }

    static List<JsonObject> history(String admin, String query) {
        return Api.at(a.url(), admin).get("/api/credits/history?" + query).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    static long rowsOf(String kind, String referencePrefix) {
        long count = 0;
        String cursor = null;
        do {
            JsonObject page = Api.at(a.url(), "admin@oakwood").get("/api/credits/history?creditType=connect&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonObject row : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (kind.equals(row.getString("kind")) && row.get("reference") instanceof jakarta.json.JsonString ref
                        && ref.getString().startsWith(referencePrefix)) {
                    count++;
                }
            }
            cursor = page.get("nextCursor") instanceof jakarta.json.JsonString next ? next.getString() : null;
        } while (cursor != null);
        return count;
    }

    static long refundsOf(String referencePrefix) {
        return rowsOf("refund", referencePrefix);
    }

    static long usagesOf(String referencePrefix) {
        return rowsOf("usage", referencePrefix);
    }

    /** A checkout.session.completed event for the purchase, paid, signed as Stripe signs. */
    static String completedEvent(JsonObject purchase) {
        return Json.createObjectBuilder()
                .add("id", "evt_faults_" + purchase.getString("id").replace("-", ""))
                .add("object", "event")
                .add("api_version", "2026-07-29.dahlia")
                .add("created", Instant.now().getEpochSecond())
                .add("livemode", false)
                .add("pending_webhooks", 1)
                .add("type", "checkout.session.completed")
                .add("data", Json.createObjectBuilder().add("object", Json.createObjectBuilder()
                        .add("id", purchase.getString("checkoutSessionId"))
                        .add("object", "checkout.session")
                        .add("amount_total", purchase.getInt("pence"))
                        .add("currency", "gbp")
                        .add("client_reference_id", purchase.getString("id"))
                        .add("metadata", Json.createObjectBuilder().add("school_id", "riverside")
                                .add("purchase_id", purchase.getString("id")).add("package_id", "connect-medium"))
                        .add("mode", "payment")
                        .add("payment_intent", "pi_faults")
                        .add("payment_status", "paid")
                        .add("status", "complete")))
                .build().toString();
    }

    static int deliver(DemoInstance at, String payload) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at.url() + "/api/credits/stripe/webhook"))
                .header("Content-Type", "application/json").header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
