package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.Metering;

/** The demo MIS's SMS and DVLA checks, for a school's users. */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoFeaturesResource {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_RECIPIENTS = 1000;

    @Inject
    DemoCallers callers;

    @Inject
    DemoMessaging messaging;

    @Inject
    Metering metering;

    @POST
    @Path("sms")
    public Response sms(String text) {
        JsonObject body = DemoJson.object(text);
        requireCredits();
        List<String> to = recipients(body);
        DemoMessaging.SmsResult result = messaging.sendSms(callers.caller(), to, DemoJson.text(body, "text", 1, 612));
        return Response.status(201).entity(JSON.createObjectBuilder().add("sent", result.sent())
                .add("failed", result.failed()).add("credits", result.credits()).build().toString()).build();
    }

    @POST
    @Path("dvla/licence-checks")
    public Response licenceCheck(String body) {
        return dvla(Feature.DVLA_LICENCE_CHECK, "licenceNumber", DemoJson.object(body));
    }

    @POST
    @Path("dvla/bike-checks")
    public Response bikeCheck(String body) {
        return dvla(Feature.DVLA_BIKE_CHECK, "registration", DemoJson.object(body));
    }

    private Response dvla(Feature feature, String field, JsonObject body) {
        requireCredits();
        String number = DemoJson.text(body, field, 1, 20);
        if (!messaging.dvlaCheck(callers.caller(), feature, number)) {
            throw new DemoProblems.Refusal(502, "dvla_unavailable",
                    "The DVLA check failed; its credits were refunded");
        }
        return Response.status(201).entity(JSON.createObjectBuilder().add(field, number).add("result", "valid")
                .build().toString()).build();
    }

    /** A school user whose school has School Credits on: the demo's paid features are paid only with credits. */
    private void requireCredits() {
        if (!metering.isEnabled(callers.schoolUser().schoolId())) {
            throw new DemoProblems.Refusal(409, "school_not_enabled", DemoProblems.NOT_ENABLED);
        }
    }

    private static List<String> recipients(JsonObject body) {
        JsonValue value = body.get("to");
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_RECIPIENTS) {
            throw new DemoProblems.Refusal(400, "invalid_field", "'to' must list 1 to " + MAX_RECIPIENTS + " numbers");
        }
        List<String> numbers = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString number) || !number.getString().matches("\\+?[0-9 ]{5,20}")) {
                throw new DemoProblems.Refusal(400, "invalid_field", "each of 'to' must be a phone number");
            }
            numbers.add(number.getString().replace(" ", ""));
        }
        return numbers;
    }
}
