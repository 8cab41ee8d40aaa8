package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connect credits spent by the demo MIS's SMS and DVLA checks, and the Pro allowance. */
@ExtendWith(RunningDemo.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectIT {

    static final Api STAFF = Api.as("staff@oakwood");
    static final Api FINANCE = Api.as("finance@platform");

    static BigDecimal connect(Api who) {
        return who.get("/api/credits/balance").json().getJsonObject("connect").getJsonNumber("available")
                .bigDecimalValue();
    }

    /** Sets oakwood's available Connect balance to exactly {@code credits} with a platform adjustment. */
    static void setOakwoodConnect(int credits) {
        BigDecimal delta = BigDecimal.valueOf(credits).subtract(connect(STAFF));
        if (delta.signum() != 0) {
            Api.Reply reply = FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                    + "\"creditType\":\"connect\",\"amount\":" + delta.toPlainString() + ",\"reason\":\"test\"}");
            assertEquals(201, reply.status(), reply::toString);
        }
        assertEquals(0, BigDecimal.valueOf(credits).compareTo(connect(STAFF)));
    }

    @AfterEach
    void reconciles() {
        JsonObject report = FINANCE.get("/api/credits/platform/reconciliation").json();
        assertTrue(report.getBoolean("ok"), report::toString);
    }

    @Test
    @Order(1)
    @DisplayName("five SMS from 100 credits leave exactly 97")
    void fiveSms() {
        setOakwoodConnect(100);
        Api.Reply sent = STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900002\",\"07700900003\","
                + "\"07700900004\",\"07700900005\"],\"text\":\"Trip tomorrow\"}");
        assertEquals(201, sent.status(), sent::toString);
        assertEquals(5, sent.json().getInt("sent"));
        assertEquals(0, new BigDecimal("97").compareTo(connect(STAFF)));
    }

    @Test
    @Order(2)
    @DisplayName("a message that fails at the gateway is refunded on its own")
    void failedMessageRefunded() {
        setOakwoodConnect(10);
        Api.Reply sent = STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900999\",\"07700900003\"],"
                + "\"text\":\"Hello\"}");
        assertEquals(201, sent.status(), sent::toString);
        assertEquals(2, sent.json().getInt("sent"));
        assertEquals(1, sent.json().getInt("failed"));
        assertEquals(0, new BigDecimal("1.2").compareTo(sent.json().getJsonNumber("credits").bigDecimalValue()));
        assertEquals(0, new BigDecimal("8.8").compareTo(connect(STAFF)));
        JsonObject refunded = Api.as("admin@oakwood").get("/api/credits/history?feature=SMS&status=refunded&limit=1")
                .json().getJsonArray("items").getJsonObject(0);
        assertTrue(refunded.getString("reference").matches("sms-[0-9a-f-]{36}:2"), refunded::toString);
        assertEquals("SMS", refunded.getString("featureLabel"));
    }

    @Test
    @Order(3)
    @DisplayName("a bulk send the balance cannot cover sends nothing and answers 402")
    void bulkSendNotCovered() {
        setOakwoodConnect(1);
        Api.Reply refused = STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900002\"],\"text\":\"Hi\"}");
        assertEquals(402, refused.status(), refused::toString);
        assertEquals("insufficient_credits", refused.json().getString("code"));
        assertEquals(0, new BigDecimal("1.2").compareTo(refused.json().getJsonNumber("required").bigDecimalValue()));
        assertFalse(refused.json().containsKey("topUpUrl"), "staff may not buy");
        assertEquals(List.of("Olivia Oak"), refused.json().getJsonArray("admins").getValuesAs(JsonString::getString));
        assertEquals(0, BigDecimal.ONE.compareTo(connect(STAFF)));
    }

    @Test
    @Order(4)
    @DisplayName("a failing licence check leaves the balance unchanged and shows refunded")
    void failingLicenceCheck() {
        setOakwoodConnect(20);
        Api.Reply failed = STAFF.post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"FAIL12345\"}");
        assertEquals(502, failed.status(), failed::toString);
        assertEquals(0, new BigDecimal("20").compareTo(connect(STAFF)));
        JsonObject usage = Api.as("admin@oakwood").get("/api/credits/history?feature=DVLA_LICENCE_CHECK&limit=5")
                .json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(r -> "usage".equals(r.getString("kind"))).findFirst().orElseThrow();
        assertEquals("refunded", usage.getString("status"));
        assertEquals("Sam Oak", usage.getString("initiatedBy"));
        Api.Reply bike = STAFF.post("/api/demo/dvla/bike-checks", "{\"registration\":\"AB12 CDE\"}");
        assertEquals(201, bike.status(), bike::toString);
        assertEquals(0, new BigDecimal("15").compareTo(connect(STAFF)));
    }

    @Test
    @Order(5)
    @DisplayName("20 concurrent licence checks against 40 credits: exactly 5 run and 15 are answered 402")
    void concurrentChecks() throws Exception {
        setOakwoodConnect(40);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> checks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            checks.add(() -> STAFF.post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"SMITH123\"}").status());
        }
        int ran = 0;
        int refused = 0;
        for (Future<Integer> status : pool.invokeAll(checks)) {
            if (status.get() == 201) {
                ran++;
            } else if (status.get() == 402) {
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(5, ran);
        assertEquals(15, refused);
        assertEquals(0, BigDecimal.ZERO.compareTo(connect(STAFF)));
    }

    @Test
    @Order(6)
    @DisplayName("bad input to the demo's features is a 400 problem and charges nothing")
    void badInput() {
        setOakwoodConnect(10);
        assertEquals(400, STAFF.post("/api/demo/sms", "{\"to\":[],\"text\":\"x\"}").status());
        assertEquals(400, STAFF.post("/api/demo/sms", "{\"to\":\"07700900001\",\"text\":\"x\"}").status());
        assertEquals(400, STAFF.post("/api/demo/sms", "{nope").status());
        assertEquals(400, STAFF.post("/api/demo/dvla/licence-checks", "{}").status());
        assertEquals(403, FINANCE.post("/api/demo/sms", "{\"to\":[\"07700900001\"],\"text\":\"x\"}").status());
        assertEquals(0, BigDecimal.TEN.compareTo(connect(STAFF)));
    }

    @Test
    @Order(7)
    @DisplayName("a Pro school's allowance shows with its end, and the next month brings a new one")
    void monthEnd() throws Exception {
        Api riverside = Api.as("admin@riverside");
        JsonObject allowance = riverside.get("/api/credits/balance").json().getJsonObject("connect")
                .getJsonObject("allowance");
        String firstEnd = allowance.getString("expiresAt");
        long days = java.time.Duration.between(java.time.Instant.now(),
                java.time.OffsetDateTime.parse(firstEnd).toInstant()).toDays() + 1;
        assertEquals(200, FINANCE.post("/api/demo/clock/advance", "{\"days\":" + days + "}").status());
        String nextEnd = firstEnd;
        for (int i = 0; i < 60 && nextEnd.equals(firstEnd); i++) {
            Thread.sleep(1000);
            JsonValue value = riverside.get("/api/credits/balance").json().getJsonObject("connect").get("allowance");
            nextEnd = value instanceof JsonObject next ? next.getString("expiresAt") : firstEnd;
        }
        assertNotEquals(firstEnd, nextEnd, "the month-end job granted the next month's allowance");
        JsonObject connect = riverside.get("/api/credits/balance").json().getJsonObject("connect");
        assertEquals(0, new BigDecimal("100").compareTo(connect.getJsonObject("allowance").getJsonNumber("remaining")
                .bigDecimalValue()));
        assertEquals(403, STAFF.post("/api/demo/clock/advance", "{\"days\":1}").status());
    }
}
