package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;

/** Who is signed in, so that the pages show each user what their role allows (the API still checks). */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class DemoMeResource {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    DemoCallers callers;

    @GET
    public String me() {
        DemoUser user = callers.signedIn();
        JsonObjectBuilder json = JSON.createObjectBuilder().add("user", user.id()).add("displayName", user.displayName())
                .add("role", user.role()).add("permissions", JSON.createArrayBuilder(new TreeSet<>(user.permissions())));
        return (user.schoolId() == null ? json.addNull("school") : json.add("school", user.schoolId())).build().toString();
    }
}
