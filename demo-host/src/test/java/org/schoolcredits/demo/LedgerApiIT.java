package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger's REST API as a host in another process and platform finance use it. */
@ExtendWith(RunningDemo.class)
class LedgerApiIT {

    static final Api ADMIN = Api.as("admin@riverside");
    static final Api STAFF = Api.as("staff@riverside");
    static final Api FINANCE = Api.as("finance@platform");

    static BigDecimal connect(Api who) {
        return who.get("/api/credits/balance").json().getJsonObject("connect").getJsonNumber("available")
                .bigDecimalValue();
    }

    static void give(String school, int credits) {
        Api.Reply reply = FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"" + school
                + "\",\"creditType\":\"connect\",\"amount\":" + credits + ",\"reason\":\"test top-up\"}");
        assertEquals(201, reply.status(), reply::toString);
    }

    @AfterEach
    void reconciles() {
        JsonObject report = FINANCE.get("/api/credits/platform/reconciliation").json();
        assertTrue(report.getBoolean("ok"), report::toString);
    }

    @Test
    @DisplayName("a usage is held, captured once, and a second capture answers 409 hold_already_captured")
    void reserveAndCapture() {
        give("riverside", 10);
        BigDecimal before = connect(STAFF);
        Api.Reply held = STAFF.post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":2,\"reference\":\"it-msg-1\"}");
        assertEquals(201, held.status(), held::toString);
        assertEquals("held", held.json().getString("status"));
        assertEquals(new BigDecimal("1.2"), held.json().getJsonNumber("amount").bigDecimalValue());
        assertEquals(before.subtract(new BigDecimal("1.2")), connect(STAFF));
        String id = held.json().getString("id");
        Api.Reply captured = STAFF.post("/api/credits/usages/" + id + "/capture", null);
        assertEquals(200, captured.status(), captured::toString);
        assertEquals("success", captured.json().getString("status"));
        Api.Reply again = STAFF.post("/api/credits/usages/" + id + "/capture", null);
        assertEquals(409, again.status());
        assertEquals("hold_already_captured", again.json().getString("code"));
        assertEquals(404, Api.as("staff@oakwood").post("/api/credits/usages/" + id + "/release", null).status(),
                "another school's hold is not found");
    }

    @Test
    @DisplayName("a released usage gives back exactly what it held and shows as refunded in the history")
    void releaseRefunds() {
        give("riverside", 10);
        BigDecimal before = connect(STAFF);
        String id = STAFF.post("/api/credits/usages", "{\"feature\":\"DVLA_LICENCE_CHECK\",\"quantity\":1,"
                + "\"reference\":\"it-check-1\"}").json().getString("id");
        assertEquals("refunded", STAFF.post("/api/credits/usages/" + id + "/release", null).json().getString("status"));
        assertEquals(before, connect(STAFF));
        JsonObject row = ADMIN.get("/api/credits/history?feature=DVLA_LICENCE_CHECK&limit=5").json()
                .getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(r -> "usage".equals(r.getString("kind")) && "it-check-1".equals(r.getString("reference")))
                .findFirst().orElseThrow();
        assertEquals("refunded", row.getString("status"));
        assertEquals(new BigDecimal("-8"), row.getJsonNumber("amount").bigDecimalValue());
        assertEquals("Ravi River", row.getString("initiatedBy"));
    }

    @Test
    @DisplayName("not enough credits answers 402 with required, available and the top-up link, and holds nothing")
    void insufficientCredits() {
        BigDecimal before = connect(STAFF);
        Api.Reply refused = STAFF.post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":10000}");
        assertEquals(402, refused.status(), refused::toString);
        JsonObject problem = refused.json();
        assertEquals("insufficient_credits", problem.getString("code"));
        assertEquals(new BigDecimal("6000"), problem.getJsonNumber("required").bigDecimalValue());
        assertEquals(before, problem.getJsonNumber("available").bigDecimalValue());
        assertFalse(problem.containsKey("topUpUrl"), "staff may not buy");
        assertEquals(List.of("Rita River"), problem.getJsonArray("admins").getValuesAs(JsonString::getString));
        assertEquals(before, connect(STAFF));
        Api.Reply admin = ADMIN.post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":10000}");
        assertEquals(402, admin.status(), admin::toString);
        assertTrue(admin.json().getString("topUpUrl").endsWith("/settings/credits"), admin::toString);
        assertFalse(admin.json().containsKey("admins"));
    }

    @Test
    @DisplayName("the same Idempotency-Key replays the first answer; with another body it answers 409")
    void idempotency() {
        give("riverside", 5);
        String body = "{\"feature\":\"SMS\",\"quantity\":1}";
        Api.Reply first = STAFF.send("POST", "/api/credits/usages", body, "it-key-1");
        Api.Reply second = STAFF.send("POST", "/api/credits/usages", body, "it-key-1");
        assertEquals(201, first.status(), first::toString);
        assertEquals(first.status(), second.status());
        assertEquals(first.json().getString("id"), second.json().getString("id"));
        Api.Reply other = STAFF.send("POST", "/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":2}", "it-key-1");
        assertEquals(409, other.status());
        assertEquals("idempotency_key_reused", other.json().getString("code"));
    }

    @Test
    @DisplayName("bad input gets a 400 problem naming the field, and changes nothing")
    void badInput() {
        BigDecimal before = connect(STAFF);
        String[][] cases = {
                {"{\"feature\":\"SMS\",\"quantity\":0}", "quantity"},
                {"{\"feature\":\"SMS\",\"quantity\":-1}", "quantity"},
                {"{\"feature\":\"SMS\",\"quantity\":1.5}", "quantity"},
                {"{\"feature\":\"SMS\",\"quantity\":1e30}", "quantity"},
                {"{\"feature\":\"SMS\",\"quantity\":\"1\"}", "quantity"},
                {"{\"feature\":\"TELEPORT\",\"quantity\":1}", "feature"},
                {"{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"" + "x".repeat(201) + "\"}", "reference"},
                {"{\"feature\":\"SMS\",\"quantity\":1,\"balance\":100}", "balance"},
        };
        for (String[] c : cases) {
            Api.Reply reply = STAFF.post("/api/credits/usages", c[0]);
            assertEquals(400, reply.status(), c[0] + " -> " + reply);
            assertEquals("application/problem+json", reply.contentType());
            assertEquals(c[1], reply.json().getString("field"), c[0]);
        }
        assertEquals(400, STAFF.post("/api/credits/usages", "{not json").status());
        assertEquals(413, STAFF.post("/api/credits/usages", "{\"reference\":\"" + "x".repeat(70_000) + "\"}").status());
        assertEquals(404, STAFF.post("/api/credits/usages/not-a-uuid/capture", null).status());
        assertEquals(before, connect(STAFF));
    }

    @Test
    @DisplayName("staff cannot see the history or adjust; school users cannot use platform paths")
    void permissions() {
        assertEquals(403, STAFF.get("/api/credits/history").status());
        assertEquals(403, ADMIN.get("/api/credits/platform/reconciliation").status());
        assertEquals(403, ADMIN.post("/api/credits/platform/adjustments", "{}").status());
    }

    @Test
    @DisplayName("an adjustment never takes a balance below zero")
    void adjustmentFloor() {
        BigDecimal available = connect(ADMIN);
        Api.Reply refused = FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"riverside\","
                + "\"creditType\":\"connect\",\"amount\":" + available.add(BigDecimal.ONE).negate()
                + ",\"reason\":\"too much\"}");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals(available, connect(ADMIN));
        assertEquals(404, FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"nowhere\","
                + "\"creditType\":\"connect\",\"amount\":1,\"reason\":\"x\"}").status());
    }

    @Test
    @DisplayName("the history pages newest first with a cursor, and the CSV holds the same rows")
    void historyPagingAndCsv() {
        give("riverside", 3);
        give("riverside", 4);
        JsonObject first = ADMIN.get("/api/credits/history?limit=1").json();
        assertEquals(1, first.getJsonArray("items").size());
        String cursor = first.getString("nextCursor");
        JsonObject second = ADMIN.get("/api/credits/history?limit=1&cursor=" + cursor).json();
        assertNotEquals(first.getJsonArray("items").getJsonObject(0).getString("id"),
                second.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(200, ADMIN.get("/api/credits/history?limit=100000").status(), "limit is clamped, not refused");
        assertEquals(400, ADMIN.get("/api/credits/history?status=bogus").status());
        Api.Reply csv = ADMIN.send("GET", "/api/credits/history?limit=2", null, null, "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("id,at,creditType,kind,feature,amount,balanceAfter,status,initiatedBy,reference"));
        assertTrue(csv.body().contains(first.getJsonArray("items").getJsonObject(0).getString("id") + ","));
    }

    @Test
    @DisplayName("platform finance sets a price from a date; /prices shows the one in force")
    void prices() {
        Api.Reply bad = FINANCE.put("/api/credits/platform/prices/SMS", "{\"credits\":0.0001,"
                + "\"effectiveFrom\":\"2030-01-01T00:00:00Z\"}");
        assertEquals(400, bad.status());
        Api.Reply future = FINANCE.put("/api/credits/platform/prices/SMS", "{\"credits\":0.7,"
                + "\"effectiveFrom\":\"2099-01-01T00:00:00Z\"}");
        assertEquals(200, future.status(), future::toString);
        JsonObject sms = STAFF.get("/api/credits/prices").array().stream().map(v -> v.asJsonObject())
                .filter(p -> "SMS".equals(p.getString("feature"))).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.6"), sms.getJsonNumber("credits").bigDecimalValue(), "the future price waits");
        assertEquals(6, sms.getInt("pence"));
        assertEquals(8, STAFF.get("/api/credits/packages").array().size());
    }
}
