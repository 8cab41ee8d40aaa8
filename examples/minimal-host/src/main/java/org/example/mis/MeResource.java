package org.example.mis;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;

/** Who is signed in, as the host knows them. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    MisCallers callers;

    @GET
    public String me() {
        MisUser user = callers.user().orElseThrow(() -> MisProblems.refusal(401, "unauthenticated", "Sign in first"));
        return Json.createObjectBuilder().add("user", user.username()).add("displayName", user.displayName())
                .add("school", user.schoolId()).add("role", user.role())
                .add("permissions", Json.createArrayBuilder(new TreeSet<>(user.permissions()))).build().toString();
    }
}
