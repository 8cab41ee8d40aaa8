package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refunds and disputes made in Stripe, sent to the running demo's webhook signed as Stripe signs them. */
@ExtendWith(RunningDemo.class)
class RefundsIT {

    static final Api FINANCE = Api.as("finance@platform");

    static Api.Reply deliver(String payload) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RunningDemo.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(RunningDemo.baseUrl()
                                + "/api/credits/stripe/webhook"))
                        .header("Content-Type", "application/json").header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), response.body(), "", response.headers());
    }

    static String event(String type, JsonObject object) {
        return Json.createObjectBuilder().add("id", "evt_it_" + UUID.randomUUID().toString().replace("-", ""))
                .add("object", "event").add("api_version", "2026-07-29.dahlia")
                .add("created", Instant.now().getEpochSecond()).add("livemode", false).add("pending_webhooks", 1)
                .add("type", type).add("data", Json.createObjectBuilder().add("object", object)).build().toString();
    }

    static String completed(JsonObject purchase, String paymentIntent) {
        return event("checkout.session.completed", Json.createObjectBuilder()
                .add("id", purchase.getString("checkoutSessionId")).add("object", "checkout.session")
                .add("amount_total", purchase.getInt("pence")).add("currency", "gbp")
                .add("client_reference_id", purchase.getString("id")).add("mode", "payment")
                .add("payment_intent", paymentIntent).add("payment_status", "paid").add("status", "complete").build());
    }

    static String refunded(String paymentIntent, long amount, long refunded) {
        return event("charge.refunded", Json.createObjectBuilder().add("id", "ch_it").add("object", "charge")
                .add("amount", amount).add("amount_captured", amount).add("amount_refunded", refunded)
                .add("captured", true).add("currency", "gbp").add("paid", true).add("payment_intent", paymentIntent)
                .add("refunded", refunded == amount).add("status", "succeeded").build());
    }

    @Test
    @DisplayName("a refund in Stripe takes back what is unspent of the purchase's credits, records the spent as"
            + " owed for finance, shows in the school's history, e-mails finance, and the ledger reconciles")
    void refundReachesTheCredits() throws Exception {
        Api admin = Api.as("admin@oakwood");
        BigDecimal before = PurchasesIT.balance("admin@oakwood", "connect", "available");
        JsonObject purchase = PurchasesIT.buy("admin@oakwood", "connect-medium", "card", null).json();
        String paymentIntent = "pi_it_" + purchase.getString("id").replace("-", "");
        assertEquals(200, deliver(completed(purchase, paymentIntent)).status());
        BigDecimal paid = before.add(BigDecimal.valueOf(100));
        assertEquals(paid, PurchasesIT.balance("admin@oakwood", "connect", "available"));
        // the school spends all but 30 of its Connect credits
        assertEquals(201, FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                + "\"creditType\":\"connect\",\"amount\":" + paid.subtract(BigDecimal.valueOf(30)).negate().toPlainString()
                + ",\"reason\":\"spent before the refund\"}").status());

        Api.Reply refund = deliver(refunded(paymentIntent, 1000, 1000));
        assertEquals(200, refund.status(), refund::toString);
        assertEquals("applied", refund.json().getString("outcome"));
        assertEquals(0, PurchasesIT.balance("admin@oakwood", "connect", "available").signum());
        String path = "/api/credits/purchases/" + purchase.getString("id");
        assertEquals("refunded", admin.get(path).json().getString("status"));

        JsonObject row = FINANCE.get("/api/credits/platform/purchases?status=refunded").json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).filter(p -> p.getString("id").equals(purchase.getString("id")))
                .findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(30).compareTo(row.getJsonNumber("takenBack").bigDecimalValue()), row::toString);
        assertEquals(0, BigDecimal.valueOf(70).compareTo(row.getJsonNumber("owed").bigDecimalValue()), row::toString);

        JsonObject entry = admin.get("/api/credits/history?creditType=connect&limit=1").json().getJsonArray("items")
                .getJsonObject(0);
        assertEquals("reversal", entry.getString("kind"));
        assertEquals(0, BigDecimal.valueOf(-30).compareTo(entry.getJsonNumber("amount").bigDecimalValue()));
        assertTrue(entry.getString("reference").contains("refunded £10.00 of £10.00"), entry::toString);

        assertTrue(FINANCE.get("/api/credits/platform/outbox?school=oakwood").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).anyMatch(mail -> mail.getString("recipient")
                        .equals(RunningDemo.FINANCE_EMAIL) && mail.getString("text").contains(purchase.getString("id"))),
                "finance was e-mailed");
        JsonObject reconciliation = FINANCE.get("/api/credits/platform/reconciliation").json();
        assertTrue(reconciliation.getBoolean("ok"), reconciliation::toString);
        if (before.signum() > 0) { // leave oakwood's Connect balance as the other tests found it
            assertEquals(201, FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"oakwood\","
                    + "\"creditType\":\"connect\",\"amount\":" + before.toPlainString()
                    + ",\"reason\":\"restored after RefundsIT\"}").status());
        }
    }

    @Test
    @DisplayName("a positive adjustment keeps its reason, shown in the school's history")
    void positiveAdjustmentReason() {
        Api.Reply added = FINANCE.post("/api/credits/platform/adjustments", "{\"school\":\"riverside\","
                + "\"creditType\":\"learner\",\"amount\":2,\"reason\":\"goodwill for the outage\"}");
        assertEquals(201, added.status(), added::toString);
        JsonObject entry = Api.as("admin@riverside").get("/api/credits/history?creditType=learner&limit=1").json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("adjustment", entry.getString("kind"));
        assertEquals("goodwill for the outage", entry.getString("reference"));
    }

    @Test
    @DisplayName("a signed checkout.session event whose object is not a session answers 400 problem+json")
    void sessionEventWithoutSession() throws Exception {
        Api.Reply reply = deliver(event("checkout.session.completed", Json.createObjectBuilder().add("id", "ch_x")
                .add("object", "charge").add("amount", 1000).add("currency", "gbp").build()));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("stripe_event_invalid", reply.json().getString("code"));
    }
}
