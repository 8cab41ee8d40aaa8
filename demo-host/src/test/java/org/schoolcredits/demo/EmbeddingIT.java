package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugin inside a host that does things its own way: the demo's own API is a scanning JAX-RS application. */
@ExtendWith(RunningDemo.class)
class EmbeddingIT {

    @Test
    @DisplayName("the host's own scanning application answers its own paths, and the plugin's filters stay out of them")
    void hostPathsAreTheHosts() {
        Api.Reply me = Api.as("staff@oakwood").get("/api/demo/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals("staff@oakwood", me.json().getString("user"));
        Api.Reply platform = Api.as("finance@platform").get("/api/demo/me");
        assertEquals(200, platform.status(), platform::toString);
        Api.Reply learners = Api.as("staff@oakwood").get("/api/demo/learners");
        assertEquals(200, learners.status(), learners::toString);
    }

    @Test
    @DisplayName("the plugin's resources answer under /api/credits only, never under the host's application")
    void pluginPathsAreThePlugins() {
        for (String path : new String[] {"/balance", "/prices", "/packages", "/history", "/settings",
                "/platform/reconciliation", "/purchases"}) {
            Api.Reply foreign = Api.as("admin@oakwood").get("/api/demo" + path);
            assertEquals(404, foreign.status(), path + ": " + foreign);
        }
        assertEquals(404, Api.as("finance@platform").get("/api/demo/platform/reconciliation").status());
        Api.Reply usage = Api.as("staff@oakwood").post("/api/demo/usages",
                "{\"feature\":\"SMS\",\"quantity\":1,\"reference\":\"embedding-1\"}");
        assertNotEquals(201, usage.status(), usage::toString);
        assertEquals(200, Api.as("admin@oakwood").get("/api/credits/balance").status());
    }

    @Test
    @DisplayName("the fragment registry gives each user the descriptor's fragments they may see, modules relative to the context root")
    void fragmentRegistry() {
        Api.Reply admin = Api.as("admin@oakwood").get("/api/credits/fragments");
        assertEquals(200, admin.status(), admin::toString);
        assertEquals(List.of("credits-balance", "credits-cost", "credits-banner", "credits-topup-dialog",
                "credits-settings"), elements(admin.array()));
        JsonObject widget = admin.array().getJsonObject(0);
        assertEquals("credits/credits-balance.js", widget.getString("module"));
        assertEquals("dashboard.widget", widget.getString("slot"));
        assertEquals("credits.view", widget.getString("permission"));
        assertEquals(List.of("credits-balance", "credits-cost", "credits-banner", "credits-topup-dialog"),
                elements(Api.as("staff@oakwood").get("/api/credits/fragments").array()));
        assertEquals(List.of("credits-finance"),
                elements(Api.as("finance@platform").get("/api/credits/fragments").array()));
        assertEquals(401, Api.anonymous().get("/api/credits/fragments").status());
    }

    @Test
    @DisplayName("a disabled school is outside the plugin: learners registered free and never vetoed, paid features"
            + " refused with school_not_enabled, its credits kept for when it comes back")
    void disabledSchool() {
        Api finance = Api.as("finance@platform");
        Api staff = Api.as("staff@riverside");
        JsonObject before = staff.get("/api/credits/balance").json();
        assertEquals(204, finance.post("/api/demo/schools/riverside/disable", null).status());
        try {
            Api.Reply learner = staff.post("/api/demo/learners", "{\"name\":\"Off Line\",\"upn\":\"OFF"
                    + System.currentTimeMillis() + "\"}");
            assertEquals(201, learner.status(), learner::toString);
            assertTrue(learner.json().getString("message").contains("not enabled"), learner::toString);
            Api.Reply sms = staff.post("/api/demo/sms", "{\"to\":[\"07700900001\"],\"text\":\"Hi\"}");
            assertEquals(409, sms.status(), sms::toString);
            assertEquals("school_not_enabled", sms.json().getString("code"));
            Api.Reply check = staff.post("/api/demo/dvla/bike-checks", "{\"registration\":\"AB12CDE\"}");
            assertEquals(409, check.status(), check::toString);
            assertEquals(404, staff.get("/api/credits/balance").status());
            assertEquals(List.of(), elements(staff.get("/api/credits/fragments").array()));
        } finally {
            assertEquals(204, finance.post("/api/demo/schools/riverside/enable", null).status());
        }
        JsonObject after = staff.get("/api/credits/balance").json();
        for (String type : new String[] {"learner", "connect"}) {
            assertEquals(before.getJsonObject(type).getJsonNumber("available").bigDecimalValue(),
                    after.getJsonObject(type).getJsonNumber("available").bigDecimalValue(), type);
        }
    }

    private static List<String> elements(JsonArray fragments) {
        return fragments.getValuesAs(JsonObject.class).stream().map(f -> f.getString("element")).toList();
    }
}
