package org.schoolcredits.purchases;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Callers;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * The simulated checkout's page and its two endings, standing in for Stripe Checkout when no
 * Stripe key is set and the simulation is allowed (404 otherwise). Only an admin of the buying
 * school ({@code credits.manage}) sees or ends it: another school's checkout is a 404. Each
 * ending sends Stripe-shaped signed events to the webhook.
 */
@Requires(Permission.MANAGE)
public class CheckoutResource {

    /** How the checkout ended, and where the buyer goes back to. */
    public record Ended(String id, String status, String returnUrl) {
    }

    @Inject
    SimulatedCheckout checkout;

    @Inject
    PurchaseSettings settings;

    @Inject
    Callers callers;

    @Inject
    SchoolDirectory schools;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("sessionId") String sessionId) {
        Purchase p = purchase(sessionId);
        String school = schools.find(p.schoolId()).map(School::name).orElse(p.schoolId());
        String html = CheckoutPage.html(p, school, "/checkout/" + sessionId, settings.successUrl(p));
        return Response.ok(html).header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:;"
                + " frame-ancestors 'none'").header("Cache-Control", "no-store").build();
    }

    /** Pays: by card or PayPal (paid at once), or with {@code ?method=bacs_debit} as a Bacs Direct Debit that succeeds later. */
    @POST
    @Path("complete")
    @Produces(MediaType.APPLICATION_JSON)
    public Ended complete(@PathParam("sessionId") String sessionId, @QueryParam("method") String method) {
        if (method != null && !method.equals("card") && !method.equals("paypal") && !method.equals("bacs_debit")) {
            throw new CreditsException(ProblemCode.INVALID_PARAMETER, "The method must be card, paypal or bacs_debit",
                    Map.of("parameter", "method"));
        }
        return end(sessionId, "bacs_debit".equals(method) ? SimulatedCheckout.Ending.BACS_DEBIT_PAID
                : SimulatedCheckout.Ending.CARD_PAID);
    }

    @POST
    @Path("fail")
    @Produces(MediaType.APPLICATION_JSON)
    public Ended fail(@PathParam("sessionId") String sessionId) {
        return end(sessionId, SimulatedCheckout.Ending.FAILED);
    }

    /** Ends a checkout still awaiting payment; one that ended before (paid, failed, expired) is a 409. */
    private Ended end(String sessionId, SimulatedCheckout.Ending ending) {
        Purchase before = purchase(sessionId);
        if (before.status() != Purchase.Status.AWAITING_PAYMENT) {
            throw new CreditsException(ProblemCode.CHECKOUT_ALREADY_ENDED, "This checkout has already ended: the"
                    + " purchase is " + before.status().code().replace('_', ' '));
        }
        checkout.deliver(checkout.events(before, ending));
        Purchase after = purchase(sessionId);
        return new Ended(after.id().toString(), after.status().code(), settings.successUrl(after));
    }

    private Purchase purchase(String sessionId) {
        return checkout.purchase(callers.school(), sessionId).orElseThrow(() -> CreditsException.notFound("The checkout"));
    }
}
