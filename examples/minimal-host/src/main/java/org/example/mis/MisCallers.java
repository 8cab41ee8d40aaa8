package org.example.mis;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CallerProvider;

/** The host's side of the contract: who is calling, from the user {@link MisSignIn} signed in. */
@RequestScoped
public class MisCallers implements CallerProvider {

    @Inject
    HttpServletRequest request;

    public Optional<MisUser> user() {
        return Optional.ofNullable((MisUser) request.getAttribute(MisSignIn.USER));
    }

    @Override
    public Optional<Caller> current() {
        return user().map(u -> new Caller(u.schoolId(), u.username(), u.displayName(), u.permissions()));
    }

    /** The caller; the sign-in filter lets no request without one reach the host's API. */
    public Caller caller() {
        return current().orElseThrow(() -> MisProblems.refusal(401, "unauthenticated", "Sign in first"));
    }
}
