package org.example.mis;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code POST /api/mis/sms {"to":[...],"text"}}: one SMS to each number; 402 before any is sent when credits do not cover all. */
@Path("sms")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SmsResource {

    @Inject
    MisCallers callers;

    @Inject
    MisSms sms;

    @POST
    public Response send(JsonObject body) {
        String text = LearnersResource.text(body, "text");
        List<String> to = body.get("to") instanceof JsonArray numbers && !numbers.isEmpty() && numbers.size() <= 100
                && numbers.stream().allMatch(n -> n instanceof JsonString s && s.getString().matches("\\+?[0-9]{6,15}"))
                ? numbers.getValuesAs(JsonString::getString) : null;
        if (to == null) {
            throw MisProblems.refusal(400, "invalid_field", "to must be a list of 1 to 100 phone numbers");
        }
        MisSms.Sent sent = sms.send(callers.caller(), to, text);
        return Response.status(201).entity(Json.createObjectBuilder().add("sent", sent.sent()).add("failed", sent.failed())
                .add("credits", sent.credits()).build().toString()).build();
    }
}
