package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input to every endpoint that takes a body (OWASP API Security Top 10: mass
 * assignment, unrestricted resource consumption): each answer is a 4xx problem+json, and
 * nothing changes in the ledger.
 */
@ExtendWith(RunningDemo.class)
class HostileInputIT {

    record Endpoint(String user, String method, String path) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("staff@oakwood", "POST", "/api/credits/usages"),
            new Endpoint("staff@oakwood", "POST", "/api/credits/learners"),
            new Endpoint("admin@oakwood", "POST", "/api/credits/purchases"),
            new Endpoint("finance@platform", "POST", "/api/credits/platform/adjustments"),
            new Endpoint("finance@platform", "PUT", "/api/credits/platform/prices/SMS"),
            new Endpoint("staff@oakwood", "POST", "/api/demo/learners"),
            new Endpoint("staff@oakwood", "POST", "/api/demo/sms"),
            new Endpoint("staff@oakwood", "POST", "/api/demo/dvla/licence-checks"),
            new Endpoint("staff@oakwood", "POST", "/api/demo/dvla/bike-checks"),
            new Endpoint("finance@platform", "PUT", "/api/demo/schools/oakwood/plan"),
            new Endpoint("finance@platform", "POST", "/api/demo/clock/advance"));

    static final String JSON = "application/json";

    static List<Object[]> bodies() {
        String megabyte = "x".repeat(1024 * 1024);
        return List.of(
                new Object[] {"malformed JSON", "{\"feature\":".getBytes(StandardCharsets.UTF_8), JSON},
                new Object[] {"a JSON array", "[1,2,3]".getBytes(StandardCharsets.UTF_8), JSON},
                new Object[] {"wrong types", ("{\"feature\":7,\"quantity\":\"lots\",\"learnerRef\":[],\"packageId\":{},"
                        + "\"method\":true,\"school\":1,\"creditType\":2,\"amount\":\"10\",\"reason\":3,\"credits\":\"1\","
                        + "\"effectiveFrom\":5,\"name\":1,\"upn\":2,\"to\":\"x\",\"text\":4,\"licenceNumber\":5,"
                        + "\"registration\":6,\"plan\":7,\"days\":\"31\"}").getBytes(StandardCharsets.UTF_8), JSON},
                new Object[] {"smuggled fields", ("{\"balance\":1000000,\"school\":\"riverside\",\"amount\":-5,"
                        + "\"status\":\"paid\"}").getBytes(StandardCharsets.UTF_8), JSON},
                new Object[] {"zero, negative, huge and fractional numbers", ("{\"quantity\":-1e308,\"amount\":0,"
                        + "\"credits\":1e400,\"days\":0.5}").getBytes(StandardCharsets.UTF_8), JSON},
                new Object[] {"a string of 1 MB", ("{\"reference\":\"" + megabyte + "\",\"learnerRef\":\"" + megabyte
                        + "\"}").getBytes(StandardCharsets.UTF_8), JSON},
                new Object[] {"invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                        '"', '}'}, JSON},
                new Object[] {"a wrong content type", "feature=SMS&quantity=1".getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded"},
                new Object[] {"an empty body", new byte[0], JSON});
    }

    @Test
    @DisplayName("every endpoint answers hostile bodies with a 4xx problem+json, and the ledger does not change")
    void hostileBodies() {
        String before = ledgerState();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Object[] hostile : bodies()) {
                Api.Reply reply = Api.as(endpoint.user()).raw(endpoint.method(), endpoint.path(), (byte[]) hostile[1],
                        (String) hostile[2], null, "application/json");
                String what = endpoint.method() + " " + endpoint.path() + " with " + hostile[0] + " -> " + reply.status()
                        + " " + reply.body().substring(0, Math.min(200, reply.body().length()));
                assertTrue(reply.status() >= 400 && reply.status() < 500, what);
                assertEquals("application/problem+json", reply.contentType(), what);
                assertTrue(reply.json().containsKey("code"), what);
            }
        }
        assertEquals(before, ledgerState());
    }

    @Test
    @DisplayName("ids of another school's holds, purchases and learners answer 404 like ids that do not exist")
    void otherSchoolsIds() {
        Api oakwood = Api.as("admin@oakwood");
        for (String path : List.of("/api/credits/usages/00000000-0000-0000-0000-000000000000/capture",
                "/api/credits/usages/00000000-0000-0000-0000-000000000000/release")) {
            Api.Reply reply = oakwood.post(path, null);
            assertEquals(404, reply.status(), path);
            assertEquals("not_found", reply.json().getString("code"));
        }
        assertEquals(404, oakwood.get("/api/credits/purchases/00000000-0000-0000-0000-000000000000").status());
        assertEquals(404, oakwood.delete("/api/credits/learners/NOBODY-HERE").status());
    }

    /** The balances of both schools and the newest entry ids: what any change would move. */
    static String ledgerState() {
        StringBuilder state = new StringBuilder();
        for (String admin : List.of("admin@oakwood", "admin@riverside")) {
            JsonObject balance = Api.as(admin).get("/api/credits/balance").json();
            state.append(balance.getJsonObject("learner").get("available")).append('/')
                    .append(balance.getJsonObject("connect").get("available")).append('/')
                    .append(balance.getJsonObject("connect").get("held")).append(' ');
            state.append(Api.as(admin).get("/api/credits/history?limit=1").json().getJsonArray("items")).append(' ');
        }
        JsonObject reconciliation = Api.as("finance@platform").get("/api/credits/platform/reconciliation").json();
        assertTrue(reconciliation.getBoolean("ok"), reconciliation::toString);
        return state.toString();
    }
}
