package org.schoolcredits.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CallerProvider;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/** The caller of the current request, as the host says. */
@ApplicationScoped
public class Callers {

    @Inject
    CallerProvider provider;

    /** The authenticated caller; 401 when there is none. */
    public Caller current() {
        return provider.current().orElseThrow(() -> new CreditsException(ProblemCode.UNAUTHENTICATED,
                "Sign in to use School Credits"));
    }

    /** The caller's school id (resources behind a school permission always have one). */
    public String school() {
        return current().schoolId();
    }
}
