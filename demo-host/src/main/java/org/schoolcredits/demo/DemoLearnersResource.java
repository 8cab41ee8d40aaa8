package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;

/** A school's staff register, list and delete the school's learners; each registration may cost a credit. */
@Path("learners")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoLearnersResource {

    @Inject
    DemoCallers callers;

    @Inject
    DemoLearners learners;

    @POST
    public Response register(String text) {
        callers.schoolUser();
        JsonObject body = object(text);
        String name = text(body, "name", 100);
        String upn = text(body, "upn", 20);
        return Response.status(Response.Status.CREATED).entity(learners.register(callers.caller(), name, upn)).build();
    }

    @GET
    public List<DemoLearners.Learner> list() {
        return learners.of(callers.schoolUser().schoolId());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        learners.delete(callers.schoolUser().schoolId(), id);
        return Response.noContent().build();
    }

    private static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            // answered below
        }
        throw new DemoProblems.Refusal(400, "malformed_json", "The body must be a JSON object");
    }

    private static String text(JsonObject body, String field, int maxLength) {
        String value = body.get(field) instanceof JsonString string ? string.getString().strip() : "";
        if (value.isEmpty() || value.length() > maxLength) {
            throw new DemoProblems.Refusal(400, "invalid_field",
                    "'" + field + "' must be a string of 1 to " + maxLength + " characters");
        }
        return value;
    }
}
