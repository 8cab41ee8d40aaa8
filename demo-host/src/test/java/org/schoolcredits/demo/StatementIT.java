package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The statement, the usage per day, the forecast on the balance and the 402's words, over HTTP. */
@ExtendWith(RunningDemo.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementIT {

    static final Api ADMIN = Api.as("admin@oakwood");
    static final Api STAFF = ConnectIT.STAFF;
    static final Api FINANCE = ConnectIT.FINANCE;

    @AfterEach
    void reconciles() {
        JsonObject report = FINANCE.get("/api/credits/platform/reconciliation").json();
        assertTrue(report.getBoolean("ok"), report::toString);
    }

    static BigDecimal number(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    /** Today's SMS spending as GET /usage adds it up. */
    static BigDecimal smsToday() {
        JsonObject usage = ADMIN.get("/api/credits/usage?days=1&creditType=connect").json();
        return usage.getJsonArray("days").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("feature").equals("SMS")).map(d -> number(d, "credits"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    @Order(1)
    @DisplayName("an SMS to 3 recipients, one failing, is one statement row: 3 recipients, 1 failed, 0.6 refunded,"
            + " 1.2 charged; the day's usage grows by 1.2 only; the ledger history keeps its rows")
    void smsBatchIsOneRow() {
        ConnectIT.setOakwoodConnect(50);
        BigDecimal before = smsToday();
        Api.Reply sent = STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900999\",\"07700900002\"],"
                + "\"text\":\"Trip\"}");
        assertEquals(201, sent.status(), sent::toString);
        JsonObject newest = ADMIN.get("/api/credits/statement?creditType=connect&limit=1").json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("usage", newest.getString("kind"));
        assertEquals("SMS", newest.getString("feature"));
        assertEquals(3, newest.getInt("count"));
        assertEquals(1, newest.getInt("failed"));
        assertEquals(0, new BigDecimal("-1.2").compareTo(number(newest, "amount")));
        assertEquals(0, new BigDecimal("0.6").compareTo(number(newest, "refunded")));
        assertTrue(newest.getString("reference").matches("U-[0-9A-F]{8}"), newest.toString());
        assertFalse(newest.getString("initiatedBy").isBlank());
        assertEquals(0, new BigDecimal("1.2").compareTo(smsToday().subtract(before)), "refunded usage never counts");
        assertEquals(4, ADMIN.get("/api/credits/history?creditType=connect&limit=4").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(e -> e.getString("feature", "").equals("SMS")).count(),
                "the ledger keeps three usages and a refund");
    }

    @Test
    @Order(2)
    @DisplayName("a pending BACS purchase is not in the statement; bad statement and usage parameters are 400s")
    void pendingPurchaseIsNotInTheStatement() {
        Api.Reply bought = ADMIN.post("/api/credits/purchases", "{\"packageId\":\"connect-small\",\"method\":\"bacs\"}");
        assertEquals(201, bought.status(), bought::toString);
        String id = bought.json().getString("id");
        try {
            List<String> shown = ADMIN.get("/api/credits/statement?limit=50").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getString("kind")).toList();
            assertFalse(shown.isEmpty());
            assertEquals("usage", shown.get(0), "the newest action is still the SMS, not the pending purchase");
        } finally {
            assertEquals(200, FINANCE.post("/api/credits/platform/purchases/" + id + "/fail", "{}").status());
        }
        assertEquals(400, ADMIN.get("/api/credits/statement?creditType=gold").status());
        assertEquals(400, ADMIN.get("/api/credits/usage?from=2026-02-30").status());
        assertEquals(400, ADMIN.get("/api/credits/usage?days=0").status());
        assertEquals(403, STAFF.get("/api/credits/statement").status());
        assertEquals(403, STAFF.get("/api/credits/usage").status());
    }

    @Test
    @Order(3)
    @DisplayName("staff refused for want of credits are told whom to ask and how many credits are pending payment")
    void staffRefusalNamesAdminsAndPending() {
        ConnectIT.setOakwoodConnect(1);
        Api.Reply bought = ADMIN.post("/api/credits/purchases", "{\"packageId\":\"connect-small\",\"method\":\"cheque\"}");
        assertEquals(201, bought.status(), bought::toString);
        try {
            Api.Reply refused = STAFF.post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"OAK12345\"}");
            assertEquals(402, refused.status(), refused::toString);
            JsonObject problem = refused.json();
            assertFalse(problem.containsKey("topUpUrl"));
            assertEquals(List.of("Olivia Oak"), problem.getJsonArray("admins").getValuesAs(JsonString::getString));
            assertTrue(number(problem, "pending").compareTo(new BigDecimal(50)) >= 0, problem.toString());
            Api.Reply asAdmin = ADMIN.post("/api/demo/dvla/licence-checks", "{\"licenceNumber\":\"OAK12345\"}");
            assertTrue(asAdmin.json().containsKey("topUpUrl"), asAdmin.body());
        } finally {
            FINANCE.post("/api/credits/platform/purchases/" + bought.json().getString("id") + "/fail", "{}");
        }
    }

    @Test
    @Order(4)
    @DisplayName("after spending on three days the balance carries a forecast: days left at the last 28 days' rate"
            + " and the smallest package that covers 30 days")
    void forecastOnTheBalance() {
        ConnectIT.setOakwoodConnect(100);
        for (int day = 0; day < 3; day++) {
            if (day > 0) {
                assertEquals(200, FINANCE.post("/api/demo/clock/advance", "{\"days\":1}").status());
            }
            assertEquals(201, STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\",\"07700900002\"],\"text\":\"Hi\"}")
                    .status());
        }
        ConnectIT.setOakwoodConnect(2);
        long spent = ADMIN.get("/api/credits/usage?days=28&creditType=connect").json().getJsonArray("days")
                .getValuesAs(JsonObject.class).stream()
                .mapToLong(d -> number(d, "credits").movePointRight(3).longValueExact()).sum();
        long daily = spent / 28;
        JsonObject forecast = STAFF.get("/api/credits/balance").json().getJsonObject("connect").getJsonObject("forecast");
        assertEquals(2000 / daily, forecast.getJsonNumber("daysLeft").longValue(), forecast.toString());
        assertEquals(daily, number(forecast, "dailyAverage").movePointRight(3).longValueExact());
        long shortfall = daily * 30 - 2000;
        String expected = shortfall <= 50_000 ? "connect-small" : shortfall <= 100_000 ? "connect-medium" : "connect-large";
        assertEquals(expected, forecast.getString("suggestedPackage"));
    }
}
