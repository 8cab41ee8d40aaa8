package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
        JsonObject body = DemoJson.object(text);
        String name = DemoJson.text(body, "name", 1, 100);
        String upn = DemoJson.text(body, "upn", 1, 20);
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
}
