package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one-call charge and the batch of usages, as a host in another process sends them. */
@ExtendWith(RunningDemo.class)
class UsagesBatchIT {

    static final Api STAFF = Api.as("staff@riverside");
    static final Api FINANCE = Api.as("finance@platform");
    static final String BATCH = "/api/credits/usages/batch";

    @AfterEach
    void reconciles() {
        JsonObject report = FINANCE.get("/api/credits/platform/reconciliation").json();
        assertTrue(report.getBoolean("ok"), report::toString);
    }

    static BigDecimal available() {
        return LedgerApiIT.connect(STAFF);
    }

    static String item(String feature, int quantity, String reference) {
        return "{\"feature\":\"" + feature + "\",\"quantity\":" + quantity + ",\"reference\":\"" + reference + "\"}";
    }

    static String batch(boolean atomic, String extra, String... items) {
        return "{\"atomic\":" + atomic + extra + ",\"items\":[" + String.join(",", items) + "]}";
    }

    static List<String> statuses(JsonObject answer) {
        return answer.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("status")).toList();
    }

    /** Equal amounts, whatever their scale (146 and 146.0). */
    static void same(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    static BigDecimal amount(JsonObject json) {
        return json.getJsonNumber("amount").bigDecimalValue();
    }

    @Test
    @DisplayName("a usage with capture true is charged in one call: 201 captured, and it cannot be captured again")
    void oneCallCharge() {
        LedgerApiIT.give("riverside", 10);
        BigDecimal before = available();
        Api.Reply charged = STAFF.post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":2,\"reference\":\"it-charge-"
                + UUID.randomUUID() + "\",\"capture\":true}");
        assertEquals(201, charged.status(), charged::toString);
        assertEquals("captured", charged.json().getString("status"));
        assertTrue(charged.json().isNull("expiresAt"), charged::toString);
        same(before.subtract(amount(charged.json())), available());
        Api.Reply again = STAFF.post("/api/credits/usages/" + charged.json().getString("id") + "/capture", null);
        assertEquals(409, again.status(), again::toString);
        assertEquals("hold_already_captured", again.json().getString("code"));
        Api.Reply held = STAFF.post("/api/credits/usages", "{\"feature\":\"SMS\",\"quantity\":1}");
        assertEquals("held", held.json().getString("status"), "without capture, a usage is held as before");
        STAFF.post("/api/credits/usages/" + held.json().getString("id") + "/release", null);
    }

    @Test
    @DisplayName("an atomic batch the balance cannot cover answers 402 for the whole batch and holds nothing")
    void atomicBatchRefused() {
        BigDecimal before = available();
        String id = UUID.randomUUID().toString();
        Api.Reply refused = STAFF.post(BATCH, batch(true, "", item("SMS", 1, "it-a-" + id),
                item("DVLA_LICENCE_CHECK", 10000, "it-b-" + id)));
        assertEquals(402, refused.status(), refused::toString);
        assertEquals("insufficient_credits", refused.json().getString("code"));
        same(before, refused.json().getJsonNumber("available").bigDecimalValue());
        assertTrue(refused.json().getJsonNumber("required").bigDecimalValue().compareTo(before) > 0);
        same(before, available());
    }

    @Test
    @DisplayName("a non-atomic batch holds what fits and refuses the rest item by item; its key replays it, another body 409")
    void nonAtomicBatchWithIdempotency() {
        LedgerApiIT.give("riverside", 5);
        BigDecimal before = available();
        String id = UUID.randomUUID().toString();
        String body = batch(false, "", item("DVLA_LICENCE_CHECK", 10000, "it-big-" + id), item("SMS", 1, "it-s1-" + id),
                item("SMS", 2, "it-s2-" + id));
        Api.Reply first = STAFF.send("POST", BATCH, body, "it-batch-" + id);
        assertEquals(201, first.status(), first::toString);
        assertEquals(List.of("insufficient_credits", "held", "held"), statuses(first.json()));
        assertEquals(2, first.json().getInt("held"));
        assertEquals(1, first.json().getInt("refused"));
        List<JsonObject> items = first.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals("it-s1-" + id, items.get(1).getString("reference"));
        assertTrue(items.get(0).isNull("id"), items.get(0)::toString);
        BigDecimal spent = amount(items.get(1)).add(amount(items.get(2)));
        same(before.subtract(spent), available());

        Api.Reply replayed = STAFF.send("POST", BATCH, body, "it-batch-" + id);
        assertEquals(first.status(), replayed.status());
        assertEquals(first.json(), replayed.json());
        same(before.subtract(spent), available());
        Api.Reply other = STAFF.send("POST", BATCH, batch(false, "", item("SMS", 1, "it-s3-" + id)), "it-batch-" + id);
        assertEquals(409, other.status(), other::toString);
        assertEquals("idempotency_key_reused", other.json().getString("code"));
        for (JsonObject held : items.subList(1, 3)) {
            assertEquals(200, STAFF.post("/api/credits/usages/" + held.getString("id") + "/release", null).status());
        }
        same(before, available());
    }

    @Test
    @DisplayName("a batch with capture true charges every item at once")
    void batchCapture() {
        LedgerApiIT.give("riverside", 5);
        BigDecimal before = available();
        String id = UUID.randomUUID().toString();
        String[] items = IntStream.range(0, 5).mapToObj(i -> item("SMS", 1, "it-c" + i + "-" + id)).toArray(String[]::new);
        Api.Reply charged = STAFF.post(BATCH, batch(true, ",\"capture\":true", items));
        assertEquals(201, charged.status(), charged::toString);
        assertEquals(List.of("captured", "captured", "captured", "captured", "captured"), statuses(charged.json()));
        BigDecimal spent = charged.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(UsagesBatchIT::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        same(before.subtract(spent), available());
        Api.Reply twice = STAFF.post(BATCH, batch(true, ",\"capture\":true", items));
        assertEquals(409, twice.status(), "the same references again");
        assertEquals("reference_already_used", twice.json().getString("code"));
    }

    @Test
    @DisplayName("a bad batch is a 400 naming the item's field, a batch over 500 items a 400 naming items; nothing changes")
    void badBatch() {
        BigDecimal before = available();
        String[][] cases = {
                {batch(true, "", item("SMS", 1, "x1"), "{\"feature\":\"SMS\",\"quantity\":0}"), "items[1].quantity"},
                {batch(true, "", "{\"feature\":\"SMS\",\"quantity\":1,\"price\":0}"), "items[0].price"},
                {batch(true, "", "{\"feature\":\"TELEPORT\",\"quantity\":1}"), "items[0].feature"},
                {batch(true, "", "1"), "items[0]"},
                {batch(true, ""), "items"},
                {"{\"items\":[" + item("SMS", 1, "x2") + "]}", "atomic"},
                {batch(true, "", IntStream.range(0, 501).mapToObj(i -> "{\"feature\":\"SMS\",\"quantity\":1}")
                        .collect(Collectors.joining(","))), "items"},
        };
        for (String[] c : cases) {
            Api.Reply reply = STAFF.post(BATCH, c[0]);
            assertEquals(400, reply.status(), c[1] + " -> " + reply);
            assertEquals(c[1], reply.json().getString("field"), reply::toString);
        }
        assertEquals(403, FINANCE.post(BATCH, batch(true, "", item("SMS", 1, "x3"))).status());
        same(before, available());
    }
}
