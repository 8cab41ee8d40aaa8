package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Low-balance settings, and a fall below the threshold seen in the balance and in the e-mail outbox. */
@ExtendWith(RunningDemo.class)
class AlertsIT {

    static final Api ADMIN = Api.as("admin@oakwood");
    static final Api STAFF = Api.as("staff@oakwood");
    static final Api FINANCE = Api.as("finance@platform");
    static final String DEFAULTS = "{\"lowBalanceThreshold\":{\"learner\":2,\"connect\":20},\"emailAlerts\":true}";

    static JsonObject connect() {
        return STAFF.get("/api/credits/balance").json().getJsonObject("connect");
    }

    static void setConnect(String credits) {
        BigDecimal delta = new BigDecimal(credits).subtract(connect().getJsonNumber("available").bigDecimalValue());
        if (delta.signum() != 0) {
            Api.Reply reply = FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                    + "\"creditType\":\"connect\",\"amount\":" + delta.toPlainString() + ",\"reason\":\"alerts test\"}");
            assertEquals(201, reply.status(), reply::toString);
        }
    }

    /** Oakwood's low-balance e-mails newer than {@code afterId}, from the platform's outbox. */
    static List<JsonObject> lowBalanceEmails(long afterId) {
        Api.Reply outbox = FINANCE.get("/api/credits/platform/outbox?school=oakwood&limit=200");
        assertEquals(200, outbox.status(), outbox::toString);
        assertFalse(outbox.json().getBoolean("smtpConfigured"));
        return outbox.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getJsonNumber("id").longValue() > afterId)
                .filter(e -> "low_balance".equals(e.getString("kind"))).toList();
    }

    static long newestEmailId() {
        return FINANCE.get("/api/credits/platform/outbox?limit=1").json().getJsonArray("items").stream()
                .mapToLong(e -> e.asJsonObject().getJsonNumber("id").longValue()).max().orElse(0);
    }

    @Test
    @DisplayName("an admin reads and replaces the low-balance settings; bad input is a 400, staff get a 403")
    void settingsRoundTrip() {
        Api.Reply put = ADMIN.put("/api/credits/settings",
                "{\"lowBalanceThreshold\":{\"learner\":3,\"connect\":12.5},\"emailAlerts\":false}");
        assertEquals(200, put.status(), put::toString);
        JsonObject answered = put.json();
        assertEquals(0, new BigDecimal("12.5").compareTo(answered.getJsonObject("lowBalanceThreshold")
                .getJsonNumber("connect").bigDecimalValue()));
        assertEquals(answered, ADMIN.get("/api/credits/settings").json());
        assertEquals(0, new BigDecimal("12.5").compareTo(connect().getJsonNumber("lowBalanceThreshold")
                .bigDecimalValue()), "the balance shows the school's own threshold");

        Api.Reply unknown = ADMIN.put("/api/credits/settings", "{\"lowBalanceThreshold\":{\"learner\":3,"
                + "\"connect\":12.5},\"emailAlerts\":false,\"sms\":true}");
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("unknown_field", unknown.json().getString("code"));
        Api.Reply negative = ADMIN.put("/api/credits/settings",
                "{\"lowBalanceThreshold\":{\"learner\":-1,\"connect\":20},\"emailAlerts\":true}");
        assertEquals(400, negative.status(), negative::toString);
        assertEquals("lowBalanceThreshold.learner", negative.json().getString("field"));
        assertEquals(400, ADMIN.put("/api/credits/settings",
                "{\"lowBalanceThreshold\":{\"learner\":1,\"connect\":20},\"emailAlerts\":\"no\"}").status());
        assertEquals(400, ADMIN.put("/api/credits/settings", "{nope").status());
        assertEquals(403, STAFF.get("/api/credits/settings").status());
        assertEquals(403, STAFF.put("/api/credits/settings", DEFAULTS).status());
        assertEquals(403, FINANCE.get("/api/credits/settings").status());
        assertEquals(403, ADMIN.get("/api/credits/platform/outbox").status());
        assertEquals(answered, ADMIN.get("/api/credits/settings").json(), "refused changes changed nothing");

        assertEquals(200, ADMIN.put("/api/credits/settings", DEFAULTS).status());
    }

    @Test
    @DisplayName("spending below the threshold shows lowBalance and writes one outbox e-mail to the admin, once")
    void crossingBelowThreshold() {
        assertEquals(200, ADMIN.put("/api/credits/settings", DEFAULTS).status());
        setConnect("20.5");
        assertFalse(connect().getBoolean("lowBalance"));
        long before = newestEmailId();

        Api.Reply sms = STAFF.post("/api/demo/sms", "{\"to\":[\"07700900001\"],\"text\":\"Trip tomorrow\"}");
        assertEquals(201, sms.status(), sms::toString);
        JsonObject balance = connect();
        assertTrue(balance.getBoolean("lowBalance"), balance::toString);
        assertEquals(0, new BigDecimal("19.9").compareTo(balance.getJsonNumber("available").bigDecimalValue()));
        assertEquals(0, new BigDecimal("20").compareTo(balance.getJsonNumber("lowBalanceThreshold").bigDecimalValue()));

        Api.Reply usage = STAFF.post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"alerts-"
                + System.nanoTime() + "\"}");
        assertEquals(201, usage.status(), usage::toString);

        List<JsonObject> emails = lowBalanceEmails(before);
        assertEquals(1, emails.size(), emails::toString);
        JsonObject email = emails.get(0);
        assertEquals("admin@oakwood.example.org", email.getString("recipient"));
        assertEquals("Low balance: 19.9 Connect credits left at Oakwood Primary School", email.getString("subject"));
        assertTrue(email.getString("text").contains("/settings/credits"), email::toString);
        assertEquals("queued", email.getString("status"), "no SMTP server: nothing is marked sent");
        assertEquals(JsonValue.NULL, email.get("sentAt"));
    }
}
