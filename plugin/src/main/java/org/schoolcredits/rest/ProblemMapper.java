package org.schoolcredits.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.schoolcredits.host.CallerProvider;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.InsufficientCreditsProblem;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.host.SchoolNotEnabledException;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The one place errors become RFC 9457 problem documents (a 402 through the host kit's
 * {@link InsufficientCreditsProblem}, the same document a host's own API sends). 4xx are logged at
 * FINE; 5xx at SEVERE with a random instance id that the document carries too.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Inject
    CallerProvider callers;

    @Inject
    SchoolDirectory schools;

    @Override
    public Response toResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CreditsException e) {
                return problem(e.code(), e.getMessage(), e.extensions(), thrown);
            }
            if (t instanceof InsufficientCreditsException e) {
                LOG.log(Level.FINE, () -> "School Credits: insufficient_credits: " + e.getMessage());
                return InsufficientCreditsProblem.response(e, callers, schools);
            }
            if (t instanceof SchoolNotEnabledException) {
                return problem(ProblemCode.NOT_FOUND, "School Credits for this school was not found", Map.of(), thrown);
            }
            if (unstorableText(t)) {
                return problem(ProblemCode.INVALID_PARAMETER, "The request holds a character that cannot be stored",
                        Map.of(), thrown);
            }
            if (databaseUnavailable(t)) {
                return problem(ProblemCode.SERVICE_UNAVAILABLE, "The credits database cannot be reached", Map.of(), thrown);
            }
        }
        if (thrown instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            return problem(codeFor(e.getResponse().getStatus()), e.getMessage(), Map.of(), thrown);
        }
        return problem(ProblemCode.INTERNAL_ERROR, "An unexpected error happened", Map.of(), thrown);
    }

    /**
     * PostgreSQL refused a text the client sent: a NUL (the driver's "zero bytes", 22023 when
     * inlined, or 22021) or a character the encoding cannot hold (22P05). The edges refuse these
     * first; this keeps one that slips through a 400, not a 500.
     */
    static boolean unstorableText(Throwable t) {
        return t instanceof SQLException e && e.getSQLState() != null && (e.getSQLState().equals("22021")
                || e.getSQLState().equals("22P05") || e.getSQLState().equals("22023")
                && String.valueOf(e.getMessage()).contains("Zero bytes"));
    }

    /**
     * The database is down, restarting, out of connections, or asked us to retry (serialization
     * failure, deadlock): the client may retry. Any other SQL error is our bug (500).
     */
    static boolean databaseUnavailable(Throwable t) {
        if (t instanceof jakarta.resource.ResourceException || t instanceof java.net.ConnectException) {
            return true;
        }
        if (!(t instanceof SQLException e)) {
            return false;
        }
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40");
    }

    private static ProblemCode codeFor(int status) {
        return switch (status) {
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.PERMISSION_DENIED;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.BODY_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCode.INVALID_PARAMETER;
        };
    }

    static Response problem(ProblemCode code, String detail, Map<String, Object> extensions, Throwable cause) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "https://schoolcredits.org/problems/" + code.code().replace('_', '-'))
                .add("title", code.title())
                .add("status", code.status())
                .add("detail", detail == null ? code.title() : detail)
                .add("code", code.code());
        extensions.forEach((name, value) -> {
            if (value instanceof BigDecimal number) {
                json.add(name, number);
            } else if (value instanceof Long number) {
                json.add(name, number);
            } else if (value != null) {
                json.add(name, value.toString());
            }
        });
        Response.ResponseBuilder response = Response.status(code.status()).type(PROBLEM_JSON);
        if (code.status() >= 500) {
            String instance = "urn:uuid:" + UUID.randomUUID();
            json.add("instance", instance);
            LOG.log(Level.SEVERE, "School Credits: " + code.code() + " " + instance, cause);
        } else {
            LOG.log(Level.FINE, () -> "School Credits: " + code.code() + ": " + detail);
        }
        if (code == ProblemCode.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "5");
        }
        if (extensions.get("retryAfter") != null) {
            response.header("Retry-After", extensions.get("retryAfter").toString());
        }
        if (code == ProblemCode.UNAUTHENTICATED) {
            response.header("WWW-Authenticate", "Basic realm=\"School Credits\"");
        }
        return response.entity(json.build().toString()).build();
    }
}
