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
import java.math.BigDecimal;
import java.util.Map;
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

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("sessionId") String sessionId) {
        Purchase p = purchase(sessionId);
        String end = "/checkout/" + sessionId;
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Simulated checkout</title></head>
                <body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto">
                <h1>Simulated checkout</h1>
                <p>Simulated payments are on (CREDITS_SIMULATED_PAYMENTS) and no Stripe key is configured,
                so this page stands in for Stripe Checkout. Nothing is charged.</p>
                <p><strong>%s %s credits</strong> for £%s. Status: %s.</p>
                <p><button data-end="%s/complete">Pay by card</button>
                <button data-end="%s/complete?method=bacs_debit">Pay by Bacs Direct Debit</button>
                <button data-end="%s/fail">Fail the payment</button></p>
                <p id="error" role="alert"></p>
                <script type="module" src="../../../credits/simulated-checkout.js"></script>
                </body></html>
                """.formatted(p.credits(), p.creditType().code(), BigDecimal.valueOf(p.price().pence(), 2),
                p.status().code(), end, end, end);
        return Response.ok(html).header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline';"
                + " frame-ancestors 'none'").header("Cache-Control", "no-store").build();
    }

    /** Pays: by card, or with {@code ?method=bacs_debit} as a Bacs Direct Debit that succeeds later. */
    @POST
    @Path("complete")
    @Produces(MediaType.APPLICATION_JSON)
    public Ended complete(@PathParam("sessionId") String sessionId, @QueryParam("method") String method) {
        if (method != null && !method.equals("card") && !method.equals("bacs_debit")) {
            throw new CreditsException(ProblemCode.INVALID_PARAMETER, "The method must be card or bacs_debit",
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

    private Ended end(String sessionId, SimulatedCheckout.Ending ending) {
        checkout.deliver(checkout.events(purchase(sessionId), ending));
        Purchase after = purchase(sessionId);
        return new Ended(after.id().toString(), after.status().code(),
                ending == SimulatedCheckout.Ending.FAILED ? settings.cancelUrl(after) : settings.successUrl(after));
    }

    private Purchase purchase(String sessionId) {
        return checkout.purchase(callers.school(), sessionId).orElseThrow(() -> CreditsException.notFound("The checkout"));
    }
}
