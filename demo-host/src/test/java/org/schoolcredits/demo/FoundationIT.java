package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo as a user runs it: ready, secured, documented, and keeping its data over a restart. */
@ExtendWith(RunningDemo.class)
class FoundationIT {

    @Test
    @DisplayName("an admin sees the balances in the contract's shape")
    void balanceShape() {
        Api.Reply reply = Api.as("admin@oakwood").get("/api/credits/balance");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject balance = reply.json();
        JsonObject learner = balance.getJsonObject("learner");
        for (String field : new String[] {"available", "pending", "lowBalance"}) {
            assertTrue(learner.containsKey(field), field);
        }
        JsonObject connect = balance.getJsonObject("connect");
        for (String field : new String[] {"available", "held", "pending", "allowance", "lowBalance",
                "lowBalanceThreshold"}) {
            assertTrue(connect.containsKey(field), field);
        }
        JsonValue oakwoodAllowance = connect.get("allowance");
        assertTrue(oakwoodAllowance == JsonValue.NULL || oakwoodAllowance.asJsonObject().containsKey("expiresAt"));
        JsonObject allowance = Api.as("admin@riverside").get("/api/credits/balance").json().getJsonObject("connect")
                .getJsonObject("allowance");
        assertTrue(allowance.containsKey("remaining") && allowance.containsKey("expiresAt"), "riverside is Pro");
    }

    @Test
    @DisplayName("no credentials answer 401, a platform user on a school path 403, both as problem+json")
    void security() {
        Api.Reply anonymous = Api.anonymous().get("/api/credits/balance");
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        assertEquals("unauthenticated", anonymous.json().getString("code"));
        Api.Reply finance = Api.as("finance@platform").get("/api/credits/balance");
        assertEquals(403, finance.status());
        assertEquals("permission_denied", finance.json().getString("code"));
        assertEquals(401, Api.as("nobody@nowhere").get("/api/credits/balance").status());
    }

    @Test
    @DisplayName("a path the plugin does not have answers 404 problem+json, not an HTML page")
    void unknownPath() {
        Api.Reply reply = Api.as("admin@oakwood").get("/api/credits/nothing-here");
        assertEquals(404, reply.status());
        assertEquals("not_found", reply.json().getString("code"));
    }

    @Test
    @DisplayName("the OpenAPI document lists the plugin's paths")
    void openApi() {
        Api.Reply reply = Api.anonymous().get("/openapi");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/api/credits/balance"), reply.body());
    }

    @Test
    @DisplayName("the plugin serves its UI fragments and the pages mount them")
    void fragments() {
        Api.Reply widget = Api.anonymous().get("/credits/credits-balance.js");
        assertEquals(200, widget.status());
        assertTrue(widget.body().contains("customElements.define('credits-balance'"));
        Api.Reply page = Api.anonymous().get("/");
        assertEquals(303, page.status(), "pages ask for a sign-in");
        assertEquals(200, Api.anonymous().get("/login").status());
    }

    @Test
    @DisplayName("liveness and readiness answer UP")
    void health() {
        assertEquals(200, Api.anonymous().get("/health/live").status());
        Api.Reply ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.status());
        assertTrue(ready.body().contains("school-credits-database"));
    }

    @Test
    @DisplayName("a disabled school's users get 404; enabling it again grants no second trial credit")
    void disableAndEnable() {
        Api finance = Api.as("finance@platform");
        Api admin = Api.as("admin@oakwood");
        int learnerCredits = admin.get("/api/credits/balance").json().getJsonObject("learner")
                .getJsonNumber("available").intValue();
        assertEquals(204, finance.post("/api/demo/schools/oakwood/disable", null).status());
        Api.Reply hidden = admin.get("/api/credits/balance");
        assertEquals(404, hidden.status());
        assertEquals("not_found", hidden.json().getString("code"));
        assertEquals(204, finance.post("/api/demo/schools/oakwood/enable", null).status());
        assertEquals(learnerCredits, admin.get("/api/credits/balance").json().getJsonObject("learner")
                .getJsonNumber("available").intValue());
        assertEquals(403, admin.post("/api/demo/schools/oakwood/disable", null).status());
        assertEquals(404, finance.post("/api/demo/schools/nowhere/enable", null).status());
    }

    @Test
    @DisplayName("what was written before a restart is there after it")
    void survivesRestart() throws Exception {
        assertEquals(200, Api.as("finance@platform").put("/api/demo/schools/oakwood/plan", "{\"plan\":\"pro\"}")
                .status());
        RunningDemo.restart();
        Api.Reply balance = Api.as("admin@oakwood").get("/api/credits/balance");
        assertEquals(200, balance.status());
        assertEquals(1, balance.json().getJsonObject("learner").getJsonNumber("available").intValue());
        assertEquals(200, Api.as("finance@platform").put("/api/demo/schools/oakwood/plan", "{\"plan\":\"standard\"}")
                .status());
    }
}
