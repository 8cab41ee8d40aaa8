package org.schoolcredits.host;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The host kit's one way to answer {@link InsufficientCreditsException}: the 402 problem document
 * (RFC 9457) the plugin's "Not enough credits" dialog reads, the same as the plugin's own API sends.
 * A caller who may buy ({@value #MAY_BUY}) gets {@code topUpUrl}; anyone else gets {@code admins},
 * the names of the school's admins to ask. {@code pending} says how many credits are bought but not
 * paid yet, so that the dialog can say they are on their way. Use {@link InsufficientCreditsMapper}, or call this from
 * your own exception mapper.
 */
public final class InsufficientCreditsProblem {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String MAY_BUY = "credits.manage";
    public static final String TYPE = "https://schoolcredits.org/problems/insufficient-credits";
    public static final String TITLE = "Not enough credits";

    private InsufficientCreditsProblem() {
    }

    /** The exception itself or the first of its causes that is one (containers wrap what observers throw). */
    public static Optional<InsufficientCreditsException> in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InsufficientCreditsException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The problem document for {@code caller}; {@code admins} are the names of the caller's school's admins. */
    public static JsonObject of(InsufficientCreditsException e, Caller caller, List<String> admins) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", TYPE)
                .add("title", TITLE)
                .add("status", 402)
                .add("detail", e.getMessage())
                .add("code", "insufficient_credits")
                .add("creditType", e.creditType().code())
                .add("required", e.required())
                .add("available", e.available())
                .add("pending", e.pending());
        if (caller != null && caller.has(MAY_BUY) && e.topUpUrl() != null) {
            json.add("topUpUrl", e.topUpUrl());
        } else {
            json.add("admins", JSON.createArrayBuilder(admins));
        }
        return json.build();
    }

    /** The 402 response for the current caller, with the names of their school's admins. */
    public static Response response(InsufficientCreditsException e, CallerProvider callers, SchoolDirectory schools) {
        Caller caller = callers.current().orElse(null);
        List<String> admins = caller == null || caller.schoolId() == null ? List.of()
                : schools.adminNames(caller.schoolId());
        return response(e, caller, admins);
    }

    /** The 402 response carrying {@link #of}. */
    public static Response response(InsufficientCreditsException e, Caller caller, List<String> admins) {
        return Response.status(402).type(MEDIA_TYPE).entity(of(e, caller, admins).toString()).build();
    }
}
