package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.schoolcredits.host.Plan;

/** Platform staff enable the plugin for a school, disable it, or change its plan. */
@Path("schools/{school}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoSchoolsResource {

    @Inject
    DemoCallers callers;

    @Inject
    DemoSchoolAdmin schools;

    @POST
    @Path("enable")
    public Response enable(@PathParam("school") String school) {
        callers.platformUser();
        schools.enable(school);
        return Response.noContent().build();
    }

    @POST
    @Path("disable")
    public Response disable(@PathParam("school") String school) {
        callers.platformUser();
        schools.disable(school);
        return Response.noContent().build();
    }

    @PUT
    @Path("plan")
    public Response plan(@PathParam("school") String school, String text) {
        callers.platformUser();
        JsonObject body = DemoJson.object(text);
        Plan plan = body.get("plan") instanceof JsonString value
                && ("pro".equals(value.getString()) || "standard".equals(value.getString()))
                ? Plan.valueOf(value.getString().toUpperCase(Locale.ROOT)) : null;
        if (plan == null) {
            throw new DemoProblems.Refusal(400, "invalid_field", "'plan' must be \"pro\" or \"standard\"");
        }
        schools.changePlan(school, plan);
        return Response.ok(JsonObjectOf.of("school", school, "plan", plan.name().toLowerCase(Locale.ROOT))).build();
    }
}
