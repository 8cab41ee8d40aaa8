package org.schoolcredits.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * Refuses a NUL character in a path or query parameter or in the {@code Idempotency-Key}:
 * PostgreSQL cannot store one, so it is a 400 naming the parameter before any query runs,
 * never a 500 from the database. (A NUL in a JSON body is {@link JsonBody}'s to refuse.)
 */
@Priority(Priorities.AUTHENTICATION)
public class ParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        refuseNul(request.getUriInfo().getPathParameters());
        refuseNul(request.getUriInfo().getQueryParameters());
        String key = request.getHeaderString("Idempotency-Key");
        if (key != null && key.indexOf('\0') >= 0) {
            throw refusal("Idempotency-Key");
        }
    }

    static void refuseNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                throw refusal(parameter.getKey().replace("\0", "\\u0000"));
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw refusal(parameter.getKey());
                }
            }
        }
    }

    private static CreditsException refusal(String name) {
        return new CreditsException(ProblemCode.INVALID_PARAMETER, "'" + name + "' must not contain a NUL character",
                Map.of("parameter", name));
    }
}
