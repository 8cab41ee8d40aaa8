package org.schoolcredits.learners;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.LearnerCredits.Registration;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Idempotency;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * Learner registrations for a host in another process: 201 when a credit was redeemed, 200 for
 * a learner registered before, 402 when none are left; deletion erases the learner's reference.
 * Idempotency fingerprints hold the reference's hash, never the reference.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LearnersResource {

    public record RegistrationView(BigDecimal creditsRemaining, String message) {
    }

    @Inject
    Callers callers;

    @Inject
    Learners learners;

    @Inject
    LearnerRefs refs;

    @Inject
    Idempotency idempotency;

    @POST
    @Requires(Permission.USE)
    public Response register(RegistrationRequest body, @HeaderParam("Idempotency-Key") String key) {
        String ref = body.learnerRef();
        Caller caller = callers.current();
        return idempotency.once(caller.schoolId(), key, "POST /learners " + refs.hash(caller.schoolId(), ref), () -> {
            Registration registration = learners.register(caller.schoolId(), ref, caller);
            return Response.status(registration.charged() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(new RegistrationView(registration.creditsRemaining(), registration.message())).build();
        });
    }

    @DELETE
    @Path("{learnerRef}")
    @Requires(Permission.USE)
    public Response erase(@PathParam("learnerRef") String learnerRef, @HeaderParam("Idempotency-Key") String key) {
        String ref = LearnerRefs.valid(learnerRef);
        String school = callers.school();
        return idempotency.once(school, key, "DELETE /learners " + refs.hash(school, ref), () -> {
            if (!learners.erase(school, ref)) {
                throw CreditsException.notFound("The learner");
            }
            return Response.noContent().build();
        });
    }
}
