package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Learners registered through the demo MIS cost learner credits: never more than the school has. */
@ExtendWith(RunningDemo.class)
class LearnersIT {

    static final Api STAFF = Api.as("staff@riverside");

    static int learnerCredits() {
        Api.Reply balance = STAFF.get("/api/credits/balance");
        assertEquals(200, balance.status(), balance::toString);
        return balance.json().getJsonObject("learner").getJsonNumber("available").intValueExact();
    }

    static String register(String name, String upn) {
        return "{\"name\":\"" + name + "\",\"upn\":\"" + upn + "\"}";
    }

    @Test
    @DisplayName("7 registrations more than the credits at once: each credit makes one learner, the rest 402 and"
            + " leave no learner; deleting and registering again charges nothing, through the demo or the plugin's API")
    void registrationsNeverOutrunCredits() throws Exception {
        int credits = learnerCredits();
        int before = STAFF.get("/api/demo/learners").array().size();
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ExecutorService pool = Executors.newFixedThreadPool(credits + 7);
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < credits + 7; i++) {
                String upn = "R" + run + i;
                replies.add(CompletableFuture.supplyAsync(() -> STAFF.post("/api/demo/learners",
                        register("Learner " + upn, upn)), pool));
            }
        } finally {
            pool.shutdown();
        }
        List<Api.Reply> created = new ArrayList<>();
        int refused = 0;
        for (CompletableFuture<Api.Reply> future : replies) {
            Api.Reply reply = future.get();
            if (reply.status() == 201) {
                created.add(reply);
            } else {
                assertEquals(402, reply.status(), reply::toString);
                assertEquals("insufficient_credits", reply.json().getString("code"));
                assertEquals(List.of("Rita River"), reply.json().getJsonArray("admins")
                        .getValuesAs(jakarta.json.JsonString::getString), reply::toString);
                refused++;
            }
        }
        assertEquals(credits, created.size());
        assertEquals(7, refused);
        assertEquals(0, learnerCredits());
        assertEquals(before + credits, STAFF.get("/api/demo/learners").array().size(), "no orphan learner");
        assertTrue(created.stream().anyMatch(reply -> reply.json().getString("message").equals(
                "Learner registered. You have 0 learner credits remaining. Ask a school admin to buy more before"
                        + " you register another learner: Rita River.")), "staff are sent to an admin, not to buy: "
                + created);

        JsonObject learner = created.get(0).json();
        String upn = STAFF.get("/api/demo/learners").array().stream().map(JsonObject.class::cast)
                .filter(l -> l.getJsonNumber("id").longValue() == learner.getJsonNumber("id").longValue())
                .findFirst().orElseThrow().getString("upn");
        assertEquals(404, Api.as("staff@oakwood").delete("/api/demo/learners/" + learner.getJsonNumber("id"))
                .status(), "another school's learner");
        assertEquals(204, STAFF.delete("/api/demo/learners/" + learner.getJsonNumber("id")).status());
        Api.Reply again = STAFF.post("/api/demo/learners", register("Learner again", upn));
        assertEquals(201, again.status(), again::toString);
        assertTrue(again.json().getString("message").contains("You have 0 learner credits remaining"),
                again::toString);
        assertEquals(409, STAFF.post("/api/demo/learners", register("Someone else", upn)).status(),
                "a UPN already in the school");
        assertEquals(0, learnerCredits());

        // the same through the plugin's REST calls, as a host in another process makes them
        Api.Reply known = STAFF.post("/api/credits/learners", "{\"learnerRef\":\" " + upn + " \"}");
        assertEquals(200, known.status(), "redeemed before: nothing charged; " + known);
        assertEquals(0, known.json().getInt("creditsRemaining"));
        Api.Reply none = STAFF.post("/api/credits/learners", "{\"learnerRef\":\"X" + run + "\"}");
        assertEquals(402, none.status(), none::toString);
        assertEquals("insufficient_credits", none.json().getString("code"));
        assertEquals(404, STAFF.delete("/api/credits/learners/X" + run).status(), "an unknown learner");
        Api.Reply erased = STAFF.send("DELETE", "/api/credits/learners/" + upn, null, "erase-" + run);
        assertEquals(204, erased.status(), erased::toString);
        assertEquals(204, STAFF.send("DELETE", "/api/credits/learners/" + upn, null, "erase-" + run).status(),
                "the same Idempotency-Key answers the first result again");
        assertEquals(404, STAFF.delete("/api/credits/learners/" + upn).status(), "erased already");
    }
}
