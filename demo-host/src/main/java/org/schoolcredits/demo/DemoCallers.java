package org.schoolcredits.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CallerProvider;

/** The demo's side of the host contract: who is calling, from the signed-in user. */
@RequestScoped
public class DemoCallers implements CallerProvider {

    @Inject
    SecurityContext security;

    @Inject
    DemoUsers users;

    private Optional<DemoUser> user;

    public Optional<DemoUser> user() {
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            user = principal == null ? Optional.empty() : users.find(principal.getName());
        }
        return user;
    }

    @Override
    public Optional<Caller> current() {
        return user().map(u -> new Caller(u.schoolId(), u.id(), u.displayName(), u.permissions()));
    }

    /** The signed-in member of a school's staff; 401 or 403 otherwise. */
    public DemoUser schoolUser() {
        DemoUser u = signedIn();
        if (u.schoolId() == null) {
            throw new DemoProblems.Refusal(403, "permission_denied", "This is for a school's users");
        }
        return u;
    }

    /** The signed-in platform user; 401 or 403 otherwise. */
    public DemoUser platformUser() {
        DemoUser u = signedIn();
        if (!u.isPlatform()) {
            throw new DemoProblems.Refusal(403, "permission_denied", "This is for platform staff");
        }
        return u;
    }

    /** The signed-in user; 401 otherwise. */
    public DemoUser signedIn() {
        return user().orElseThrow(() -> new DemoProblems.Refusal(401, "unauthenticated", "Sign in first"));
    }

    public Caller caller() {
        return current().orElseThrow();
    }
}
