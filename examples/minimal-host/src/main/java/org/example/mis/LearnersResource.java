package org.example.mis;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/mis/learners {"name","upn"}}: registers a learner, 402 when no learner credit is left. */
@Path("learners")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LearnersResource {

    @Inject
    MisCallers callers;

    @Inject
    MisLearners learners;

    @POST
    public Response register(JsonObject body) {
        MisLearners.Registered registered = learners.register(callers.caller(), text(body, "name"), text(body, "upn"));
        return Response.status(201).entity(Json.createObjectBuilder().add("id", registered.id())
                .add("message", registered.message()).build().toString()).build();
    }

    static String text(JsonObject body, String field) {
        JsonValue value = body == null ? null : body.get(field);
        if (value instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= 200) {
            return s.getString().trim();
        }
        throw MisProblems.refusal(400, "invalid_field", field + " must be a text of 1 to 200 characters");
    }
}
