package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A metered feature the host registers by configuration, through the plugin's API end to end. */
@ExtendWith(RunningDemo.class)
class FeaturesIT {

    /** What {@link RunningDemo} sets as {@code CREDITS_FEATURES}. */
    static final String WHATSAPP = "WHATSAPP:WhatsApp message:connect:1.2";

    static final Api STAFF = Api.as("staff@riverside");
    static final Api ADMIN = Api.as("admin@riverside");
    static final Api FINANCE = Api.as("finance@platform");

    @Test
    @DisplayName("a feature registered by CREDITS_FEATURES is priced, metered, repriced and listed with its label")
    void registeredByConfiguration() {
        JsonObject price = STAFF.get("/api/credits/prices").array().stream().map(JsonValue::asJsonObject)
                .filter(p -> "WHATSAPP".equals(p.getString("feature"))).findFirst().orElseThrow();
        assertEquals("WhatsApp message", price.getString("label"));
        assertEquals("connect", price.getString("creditType"));
        assertEquals(12, price.getInt("pence"));

        Api.Reply held = STAFF.post("/api/credits/usages", "{\"feature\":\"WHATSAPP\",\"quantity\":2,"
                + "\"reference\":\"wa-" + System.nanoTime() + "\"}");
        assertEquals(201, held.status(), held::toString);
        assertEquals(0, new BigDecimal("2.4").compareTo(held.json().getJsonNumber("amount").bigDecimalValue()));
        Api.Reply captured = STAFF.post("/api/credits/usages/" + held.json().getString("id") + "/capture", "{}");
        assertEquals(200, captured.status(), captured::toString);

        List<JsonObject> rows = ADMIN.get("/api/credits/history?feature=WHATSAPP&limit=5").json().getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).toList();
        assertEquals("success", rows.get(0).getString("status"));
        assertTrue(rows.stream().allMatch(r -> "WhatsApp message".equals(r.getString("featureLabel"))), rows::toString);

        Api.Reply repriced = FINANCE.put("/api/credits/platform/prices/WHATSAPP", "{\"credits\":1.5,"
                + "\"effectiveFrom\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(200, repriced.status(), repriced::toString);
        Api.Reply next = STAFF.post("/api/credits/usages", "{\"feature\":\"WHATSAPP\",\"quantity\":1,"
                + "\"reference\":\"wa-" + System.nanoTime() + "\"}");
        assertEquals(0, new BigDecimal("1.5").compareTo(next.json().getJsonNumber("amount").bigDecimalValue()));
        STAFF.post("/api/credits/usages/" + next.json().getString("id") + "/release", "{}");

        Api.Reply unknown = STAFF.post("/api/credits/usages", "{\"feature\":\"TELEGRAM\",\"quantity\":1}");
        assertEquals(400, unknown.status());
        assertEquals("feature", unknown.json().getString("field"));
        assertEquals(400, ADMIN.get("/api/credits/history?feature=TELEGRAM").status());
    }
}
