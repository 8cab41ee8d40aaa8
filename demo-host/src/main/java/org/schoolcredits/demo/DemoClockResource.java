package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Platform staff move the demo's clock forward to see a month end; only in demo mode. */
@Path("clock")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoClockResource {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    DemoCallers callers;

    @Inject
    DemoClock clock;

    @Inject
    @ConfigProperty(name = "demo.mode", defaultValue = "true")
    boolean demoMode;

    @POST
    @Path("advance")
    public Response advance(String text) {
        if (!demoMode) {
            throw new DemoProblems.Refusal(404, "not_found", "The demo clock is off: DEMO_MODE is false");
        }
        callers.platformUser();
        JsonNumber days = DemoJson.object(text).get("days") instanceof JsonNumber number ? number : null;
        if (days == null || !days.isIntegral() || days.longValue() < 1 || days.longValue() > 366) {
            throw new DemoProblems.Refusal(400, "invalid_field", "'days' must be a whole number from 1 to 366");
        }
        Instant now = clock.advance(Duration.ofDays(days.longValue()));
        return Response.ok(JSON.createObjectBuilder().add("now", now.toString()).build().toString()).build();
    }
}
