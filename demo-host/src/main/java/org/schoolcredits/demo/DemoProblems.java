package org.schoolcredits.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.InsufficientCreditsProblem;
import org.schoolcredits.host.SchoolNotEnabledException;

/**
 * The demo API's errors as RFC 9457 problem documents, like the plugin's; not enough credits through
 * the plugin's host kit (a top-up link for school admins, the admins' names for everyone else).
 */
@Provider
public class DemoProblems implements ExceptionMapper<Throwable> {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(DemoProblems.class.getName());

    /** What a school that has not enabled School Credits is told when it uses a paid feature. */
    static final String NOT_ENABLED = "School Credits is not enabled for this school, so its paid features are off";

    @Inject
    DemoCallers callers;

    @Inject
    DemoSchools schools;

    /** A refusal of the demo host's own, with its status and code. */
    public static class Refusal extends RuntimeException {
        final int status;
        final String code;

        public Refusal(int status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }
    }

    @Override
    public Response toResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InsufficientCreditsException e) {
                return InsufficientCreditsProblem.response(e, callers, schools);
            }
            if (t instanceof SchoolNotEnabledException) {
                return response(409, base(409, "school_not_enabled", NOT_ENABLED));
            }
            if (t instanceof Refusal r) {
                return response(r.status, base(r.status, r.code, r.getMessage()));
            }
            if (t instanceof java.sql.SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                // a data exception: what the client sent cannot be stored (a NUL, say), not an outage
                return response(400, base(400, "invalid_parameter", "The request holds a value that cannot be stored"));
            }
            if (t instanceof java.sql.SQLException) {
                return Response.fromResponse(response(503, base(503, "service_unavailable",
                        "The database cannot be reached; try again shortly"))).header("Retry-After", "5").build();
            }
        }
        if (thrown instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return response(status, base(status, status == 404 ? "not_found" : "bad_request", e.getMessage()));
        }
        LOG.log(Level.SEVERE, "demo host: unexpected error", thrown);
        return response(500, base(500, "internal_error", "An unexpected error happened"));
    }

    static String json(int status, String code, String detail) {
        return base(status, code, detail).build().toString();
    }

    private static JsonObjectBuilder base(int status, String code, String detail) {
        return JSON.createObjectBuilder()
                .add("type", "https://schoolcredits.org/problems/" + code.replace('_', '-'))
                .add("title", detail)
                .add("status", status)
                .add("detail", detail)
                .add("code", code);
    }

    private static Response response(int status, JsonObjectBuilder json) {
        return Response.status(status).type("application/problem+json").entity(json.build().toString()).build();
    }
}
