package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Buying credits on the running demo: card through the simulated checkout, BACS cleared by finance. */
@ExtendWith(RunningDemo.class)
class PurchasesIT {

    static BigDecimal balance(String user, String type, String field) {
        Api.Reply reply = Api.as(user).get("/api/credits/balance");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonObject(type).getJsonNumber(field).bigDecimalValue();
    }

    static Api.Reply buy(String user, String packageId, String method, String idempotencyKey) {
        return Api.as(user).send("POST", "/api/credits/purchases",
                "{\"packageId\":\"" + packageId + "\",\"method\":\"" + method + "\"}", idempotencyKey);
    }

    @Test
    @DisplayName("an admin buys connect-medium by card through the simulated checkout, which only the buying"
            + " school's admin may end: Connect rises by exactly 100, and the ended checkout cannot be paid again (409)")
    void cardThroughSimulatedCheckout() {
        BigDecimal before = balance("admin@oakwood", "connect", "available");
        Api.Reply created = buy("admin@oakwood", "connect-medium", "card", "double-click-1");
        assertEquals(201, created.status(), created::toString);
        JsonObject purchase = created.json();
        assertEquals("awaiting_payment", purchase.getString("status"));
        Api.Reply again = buy("admin@oakwood", "connect-medium", "card", "double-click-1");
        assertEquals(purchase.getString("id"), again.json().getString("id"), "a double click makes one purchase");
        assertEquals(purchase.getString("checkoutSessionId"), again.json().getString("checkoutSessionId"));

        String checkout = URI.create(purchase.getString("checkoutUrl")).getPath();
        Api.Reply page = Api.as("admin@oakwood").get(checkout);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("School Credits checkout (simulated)"), page.body());
        assertEquals(401, Api.anonymous().post(checkout + "/complete", null).status(), "no login");
        assertEquals(403, Api.as("staff@oakwood").post(checkout + "/complete", null).status(), "no credits.manage");
        Api.Reply foreign = Api.as("admin@riverside").post(checkout + "/complete", null);
        assertEquals(404, foreign.status(), "another school's checkout");
        assertEquals(404, Api.as("admin@riverside").post(checkout + "/fail", null).status());
        assertEquals(404, Api.as("admin@riverside").get(checkout).status());
        assertEquals(before, balance("admin@oakwood", "connect", "available"), "nothing paid by those");
        Api.Reply paid = Api.as("admin@oakwood").post(checkout + "/complete", null);
        assertEquals(200, paid.status(), paid::toString);
        assertEquals("paid", paid.json().getString("status"));

        assertEquals(before.add(BigDecimal.valueOf(100)), balance("admin@oakwood", "connect", "available"));
        String path = "/api/credits/purchases/" + purchase.getString("id");
        assertEquals("paid", Api.as("admin@oakwood").get(path).json().getString("status"));
        assertEquals(404, Api.as("admin@riverside").get(path).status(), "another school's purchase");
        assertEquals(404, Api.as("admin@oakwood").get("/api/credits/purchases/not-an-id").status());

        Api.Reply paidAgain = Api.as("admin@oakwood").post(checkout + "/complete", null);
        assertEquals(409, paidAgain.status(), paidAgain::toString);
        assertEquals("checkout_already_ended", paidAgain.json().getString("code"));
        assertEquals(before.add(BigDecimal.valueOf(100)), balance("admin@oakwood", "connect", "available"));
    }

    @Test
    @DisplayName("a BACS purchase of learner-10 shows 10 pending; finance clears it once and 10 become available")
    void bacsClearedByFinance() {
        BigDecimal available = balance("admin@riverside", "learner", "available");
        BigDecimal pending = balance("admin@riverside", "learner", "pending");
        Api.Reply created = buy("admin@riverside", "learner-10", "bacs", null);
        assertEquals(201, created.status(), created::toString);
        assertEquals("pending", created.json().getString("status"));
        assertTrue(created.json().getString("instructions").contains(created.json().getString("reference")));
        assertTrue(created.json().getString("reference").matches("SC-RIV-[0-9A-Z]{8}"), created::toString);
        assertEquals(pending.add(BigDecimal.TEN), balance("admin@riverside", "learner", "pending"));

        String id = created.json().getString("id");
        Api.Reply listed = Api.as("finance@platform").get("/api/credits/platform/purchases?status=pending");
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(listed.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .anyMatch(p -> p.getString("id").equals(id) && p.getString("school").equals("riverside")), listed::toString);

        Api.Reply cleared = Api.as("finance@platform").post("/api/credits/platform/purchases/" + id + "/clear", null);
        assertEquals(200, cleared.status(), cleared::toString);
        assertEquals(available.add(BigDecimal.TEN), balance("admin@riverside", "learner", "available"));
        assertEquals(pending, balance("admin@riverside", "learner", "pending"));
        Api.Reply twice = Api.as("finance@platform").post("/api/credits/platform/purchases/" + id + "/clear", null);
        assertEquals(409, twice.status());
        assertEquals("purchase_not_pending", twice.json().getString("code"));
        assertEquals(available.add(BigDecimal.TEN), balance("admin@riverside", "learner", "available"));
        assertEquals("paid", Api.as("admin@riverside").get("/api/credits/purchases/" + id).json().getString("status"));
    }

    @Test
    @DisplayName("finance pages through every school's purchases, newest first, as {items, nextCursor} with limit"
            + " and cursor; a cursor it did not give is a 400")
    void platformPurchasesPage() {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, buy("admin@riverside", "learner-1", "cheque", null).status());
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = Api.as("finance@platform").get("/api/credits/platform/purchases?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.json().getJsonArray("items").size() <= 2);
            page.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                    .forEach(p -> seen.add(p.getString("id")));
            cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        } while (cursor != null);
        assertTrue(seen.size() >= 3, seen::toString);
        assertEquals(seen.size(), java.util.Set.copyOf(seen).size(), "no purchase twice");
        Api.Reply all = Api.as("finance@platform").get("/api/credits/platform/purchases?limit=200");
        assertEquals(seen, all.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(p -> p.getString("id")).toList());
        Api.Reply bad = Api.as("finance@platform").get("/api/credits/platform/purchases?cursor=nope");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("cursor", bad.json().getString("parameter"));
    }

    @Test
    @DisplayName("staff cannot buy (403); an unknown package is a 400 naming the field; a forged webhook event a 400")
    void refusals() {
        Api.Reply staff = buy("staff@oakwood", "learner-10", "bacs", null);
        assertEquals(403, staff.status());
        assertEquals("permission_denied", staff.json().getString("code"));
        Api.Reply unknown = buy("admin@oakwood", "learner-7", "bacs", null);
        assertEquals(400, unknown.status());
        assertEquals("packageId", unknown.json().getString("field"));
        assertEquals(403, Api.as("admin@oakwood").get("/api/credits/platform/purchases").status());
        Api.Reply forged = Api.anonymous().send("POST", "/api/credits/stripe/webhook",
                "{\"id\":\"evt_forged\",\"type\":\"checkout.session.completed\"}", null);
        assertEquals(400, forged.status());
        assertEquals("webhook_signature_invalid", forged.json().getString("code"));
    }
}
