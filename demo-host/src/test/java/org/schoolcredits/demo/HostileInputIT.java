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
            new Endpoint("staff@oakwood", "POST", "/api/credits/usages/batch"),
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

    /** For each endpoint, a body whose one text field holds a NUL, and that field's name. */
    static final List<String[]> NUL_BODIES = List.of(
            new String[] {"{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"a\\u0000b\"}", "reference"},
            new String[] {"{\"atomic\":true,\"items\":[{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"a\\u0000b\"}]}",
                    "items[0].reference"},
            new String[] {"{\"learnerRef\":\"L\\u0000\"}", "learnerRef"},
            new String[] {"{\"packageId\":\"learner-10\",\"method\":\"cheque\\u0000\"}", "method"},
            new String[] {"{\"school\":\"oakwood\",\"creditType\":\"connect\",\"amount\":1,\"reason\":\"r\\u0000\"}",
                    "reason"},
            new String[] {"{\"credits\":1,\"effectiveFrom\":\"2030-01-01T00:00:00Z\\u0000\"}", "effectiveFrom"},
            new String[] {"{\"name\":\"N\\u0000\",\"upn\":\"NUL1\"}", "name"},
            new String[] {"{\"to\":[\"+447700900123\"],\"text\":\"hi\\u0000\"}", "text"},
            new String[] {"{\"licenceNumber\":\"AB\\u0000\"}", "licenceNumber"},
            new String[] {"{\"registration\":\"AB\\u0000\"}", "registration"},
            new String[] {"{\"plan\":\"pro\\u0000\"}", "plan"},
            new String[] {"{\"days\":\"1\\u0000\"}", "days"});

    @Test
    @DisplayName("a NUL in any text field is a 400 naming the field; 1e2147483648 and 30,000 nested brackets are a 400"
            + " without the parser's words; nothing changes")
    void hostileJson() {
        String before = ledgerState();
        String deep = "{\"a\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            Endpoint endpoint = ENDPOINTS.get(i);
            Api api = Api.as(endpoint.user());
            Api.Reply nul = api.send(endpoint.method(), endpoint.path(), NUL_BODIES.get(i)[0], null);
            String field = NUL_BODIES.get(i)[1];
            assertEquals(400, nul.status(), endpoint + " " + nul);
            assertTrue(field.equals(nul.json().getString("field", null))
                    || nul.json().getString("detail").contains("'" + field + "'"), endpoint + " " + nul);
            for (String body : List.of("{\"quantity\":1e2147483648,\"days\":1e2147483648,\"amount\":1e2147483648}", deep)) {
                Api.Reply reply = api.send(endpoint.method(), endpoint.path(), body, null);
                assertEquals(400, reply.status(), endpoint + " " + reply);
                assertEquals("malformed_json", reply.json().getString("code"), endpoint + " " + reply);
                assertTrue(!reply.body().contains("Exponent") && !reply.body().contains("nested 1"), reply.body());
            }
        }
        assertEquals(before, ledgerState());
    }

    @Test
    @DisplayName("a NUL in a path or query parameter is a 400, never a 500 or a 503")
    void nulParameters() {
        Api admin = Api.as("admin@oakwood");
        for (String query : List.of("cursor", "status", "feature", "creditType", "from", "limit")) {
            Api.Reply reply = admin.get("/api/credits/history?" + query + "=a%00b");
            assertEquals(400, reply.status(), query + " " + reply);
            assertEquals(query, reply.json().getString("parameter", null), reply.toString());
        }
        assertEquals(400, Api.as("finance@platform").get("/api/credits/platform/purchases?status=%00").status());
        Api.Reply school = Api.as("finance@platform").get("/api/credits/platform/outbox?school=oak%00wood");
        assertEquals(400, school.status(), school.toString());
        assertEquals("school", school.json().getString("parameter", null), school.toString());
        String key = "\r\nContent-Type: application/json\r\nIdempotency-Key: k\0\r\nContent-Length: 2\r\nAuthorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("staff@oakwood:demo".getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer idempotency = RawHttp.send("127.0.0.44", "POST /api/credits/learners HTTP/1.1" + key,
                "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, idempotency.status(), idempotency.toString());
        assertEquals(400, admin.get("/api/credits/purchases/a%00b").status());
        assertEquals(400, Api.as("staff@oakwood").delete("/api/credits/learners/L%00").status());
        assertEquals(400, Api.as("staff@oakwood").post("/api/credits/usages/a%00b/capture", null).status());
        assertEquals(400, Api.as("finance@platform").post("/api/demo/schools/a%00b/enable", null).status());
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
