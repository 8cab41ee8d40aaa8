package org.schoolcredits.purchases;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Bodies;
import org.schoolcredits.rest.AnyOrigin;
import org.schoolcredits.rest.Public;
import org.schoolcredits.rest.RateLimits;

/** Stripe's webhook: the signature on the raw body is its caller's proof. */
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final int MAX_BYTES = 512 * 1024;

    /** What the event did: {@code applied}, {@code unchanged}, {@code ignored}, {@code duplicate}, … */
    public record Received(String id, String outcome) {
    }

    @Inject
    StripeGateway stripe;

    @Inject
    StripeEvents events;

    @Inject
    RateLimits limits;

    @Context
    HttpServletRequest http;

    /** Only a failed signature counts against its source's rate limit: a signed event is never limited. */
    @POST
    @Public
    @AnyOrigin
    @Consumes(MediaType.WILDCARD)
    public Received receive(InputStream body, @HeaderParam("Stripe-Signature") String signature) throws IOException {
        byte[] bytes = Bodies.read(body, MAX_BYTES, "A Stripe event");
        CheckoutEvent event;
        try {
            event = stripe.verify(new String(bytes, StandardCharsets.UTF_8), signature);
        } catch (CreditsException e) {
            if (e.code() == ProblemCode.WEBHOOK_SIGNATURE_INVALID) {
                limits.count("webhook", "address:" + http.getRemoteAddr());
            }
            throw e;
        }
        return new Received(event.id(), events.receive(event).code());
    }
}
