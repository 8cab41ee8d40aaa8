package org.schoolcredits.host;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A JAX-RS exception mapper a host registers in its own application (list it in
 * {@code getClasses()}, or subclass it with {@code @Provider} for a scanning application) so that an
 * {@link InsufficientCreditsException} from one of its resources answers the 402 of
 * {@link InsufficientCreditsProblem}, for the caller its {@link CallerProvider} names. It carries no
 * {@code @Provider} itself, so that it maps nothing of a host's unasked.
 */
public class InsufficientCreditsMapper implements ExceptionMapper<InsufficientCreditsException> {

    @Inject
    CallerProvider callers;

    @Inject
    SchoolDirectory schools;

    @Override
    public Response toResponse(InsufficientCreditsException e) {
        return InsufficientCreditsProblem.response(e, callers, schools);
    }
}
