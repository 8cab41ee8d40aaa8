package org.example.mis;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** The host's own refusals, as RFC 9457 problem documents like the plugin's. */
final class MisProblems {

    private MisProblems() {
    }

    static WebApplicationException refusal(int status, String code, String detail) {
        return new WebApplicationException(detail, Response.status(status).type("application/problem+json")
                .entity(Json.createObjectBuilder().add("type", "about:blank").add("title", detail).add("status", status)
                        .add("detail", detail).add("code", code).build().toString())
                .build());
    }
}
