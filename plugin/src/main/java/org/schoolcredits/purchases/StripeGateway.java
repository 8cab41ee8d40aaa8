package org.schoolcredits.purchases;

import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.schoolcredits.kernel.Money;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The one translation layer to Stripe: opens Checkout Sessions, verifies webhook events on
 * their raw body and turns them into {@link CheckoutEvent}s, and reads receipts. Nothing else
 * in the plugin sees a Stripe type.
 */
@ApplicationScoped
public class StripeGateway {

    /** How far a signature's time may be from now, either way. */
    static final long TOLERANCE_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

    private PurchaseSettings settings;
    private StripeClient client;
    private List<SessionCreateParams.PaymentMethodType> paymentMethods;

    protected StripeGateway() {
    }

    @Inject
    public StripeGateway(PurchaseSettings settings) {
        this.settings = settings;
        this.paymentMethods = settings.paymentMethods().stream().map(StripeGateway::paymentMethod).toList();
        this.client = settings.stripeSecretKey().map(key -> {
            StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(key);
            settings.stripeApiBase().ifPresent(builder::setApiBase);
            return builder.build();
        }).orElse(null);
    }

    /** A Checkout Session for a card purchase, at the purchase's own price; the same purchase gets the same session. */
    CheckoutSession openSession(Purchase purchase) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(Money.CURRENCY.toLowerCase(Locale.ROOT))
                                .setUnitAmount(purchase.price().pence())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(purchase.credits() + " " + purchase.creditType().code() + " credits")
                                        .build())
                                .build())
                        .build())
                .addAllPaymentMethodType(paymentMethods)
                .setClientReferenceId(purchase.id().toString())
                .putMetadata("school_id", purchase.schoolId())
                .putMetadata("purchase_id", purchase.id().toString())
                .putMetadata("package_id", purchase.packageId())
                .setSuccessUrl(settings.successUrl(purchase))
                .setCancelUrl(settings.cancelUrl(purchase))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("checkout-" + purchase.id()).build();
        try {
            Session session = client.v1().checkout().sessions().create(params, options);
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            LOG.log(Level.WARNING, "School Credits: Stripe refused a Checkout Session: " + e.getMessage());
            throw new CreditsException(ProblemCode.PAYMENT_PROVIDER_FAILED,
                    "Stripe could not open a checkout, try again shortly");
        }
    }

    /**
     * Verifies an event's signature on its raw body and reads it.
     *
     * @throws CreditsException {@code webhook_signature_invalid} for a bad, stale or future signature
     */
    CheckoutEvent verify(String payload, String signatureHeader) {
        String secret = settings.webhookSecret();
        if (secret == null) {
            throw new CreditsException(ProblemCode.SERVICE_UNAVAILABLE, "No Stripe webhook secret is configured");
        }
        // Stripe's library accepts any timestamp in the future: refuse those here
        if (signedAt(signatureHeader) > Instant.now().getEpochSecond() + TOLERANCE_SECONDS) {
            throw invalidSignature("The signature's timestamp is in the future");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw invalidSignature(e.getMessage());
        } catch (RuntimeException e) {
            throw invalidSignature("The body is not a Stripe event");
        }
        CheckoutEvent.Kind kind = CheckoutEvent.Kind.of(event.getType());
        if (kind == CheckoutEvent.Kind.OTHER) {
            return new CheckoutEvent(event.getId(), event.getType(), event.getApiVersion(), payload, kind, null,
                    CheckoutEvent.PaymentStatus.UNKNOWN, null, null, null, null, null);
        }
        StripeObject object = object(event);
        if (kind.aboutSession()) {
            Session session = as(Session.class, object, event);
            return new CheckoutEvent(event.getId(), event.getType(), event.getApiVersion(), payload, kind,
                    session.getId(), CheckoutEvent.PaymentStatus.of(session.getPaymentStatus()),
                    session.getAmountTotal(), session.getCurrency(), session.getPaymentIntent(), null,
                    session.getClientReferenceId());
        }
        if (kind == CheckoutEvent.Kind.REFUNDED) {
            Charge charge = as(Charge.class, object, event);
            return paymentChange(event, payload, kind, charge.getPaymentIntent(), charge.getCurrency(),
                    new CheckoutEvent.PaymentChange(charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(),
                            null, null, 0, false));
        }
        Dispute dispute = as(Dispute.class, object, event);
        return paymentChange(event, payload, kind, dispute.getPaymentIntent(), dispute.getCurrency(),
                new CheckoutEvent.PaymentChange(null, dispute.getId(), dispute.getStatus(),
                        dispute.getAmount() == null ? 0 : dispute.getAmount(),
                        kind == CheckoutEvent.Kind.DISPUTE_CLOSED));
    }

    private static CheckoutEvent paymentChange(Event event, String payload, CheckoutEvent.Kind kind,
                                               String paymentIntent, String currency,
                                               CheckoutEvent.PaymentChange change) {
        if (paymentIntent == null || paymentIntent.isBlank()) {
            throw invalidEvent("The " + event.getType() + " event " + event.getId() + " names no payment intent");
        }
        return new CheckoutEvent(event.getId(), event.getType(), event.getApiVersion(), payload, kind, null,
                CheckoutEvent.PaymentStatus.UNKNOWN, null, currency, paymentIntent, change, null);
    }

    /** The receipt of a paid payment, where Stripe has one. */
    Optional<String> receiptUrl(String paymentIntentId) {
        if (client == null || paymentIntentId == null) {
            return Optional.empty();
        }
        try {
            Charge charge = client.v1().paymentIntents().retrieve(paymentIntentId,
                    PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build()).getLatestChargeObject();
            return Optional.ofNullable(charge == null ? null : charge.getReceiptUrl());
        } catch (StripeException e) {
            LOG.log(Level.WARNING, "School Credits: could not read the receipt of " + paymentIntentId + ": "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The event's object. {@code getObject()} is empty when the event's API version is of another
     * release family than this library's; the fields read here are the same in all of them.
     */
    private static StripeObject object(Event event) {
        try {
            return event.getDataObjectDeserializer().getObject().isPresent()
                    ? event.getDataObjectDeserializer().getObject().get()
                    : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            throw invalidEvent("The " + event.getType() + " event " + event.getId() + " has no readable object");
        }
    }

    /** The event's object as the type its event type promises; a signed event that breaks that promise is a 400. */
    private static <T> T as(Class<T> type, StripeObject object, Event event) {
        if (type.isInstance(object)) {
            return type.cast(object);
        }
        throw invalidEvent("The " + event.getType() + " event " + event.getId() + " is not about a "
                + type.getSimpleName());
    }

    private static CreditsException invalidEvent(String detail) {
        return new CreditsException(ProblemCode.STRIPE_EVENT_INVALID, detail);
    }

    private static long signedAt(String header) {
        return Stream.of(header == null ? new String[0] : header.split(","))
                .map(String::strip)
                .filter(part -> part.startsWith("t="))
                .findFirst()
                .map(part -> {
                    try {
                        return Long.parseLong(part.substring(2));
                    } catch (NumberFormatException e) {
                        throw invalidSignature("The signature has no valid timestamp");
                    }
                })
                .orElseThrow(() -> invalidSignature("The Stripe-Signature header is missing or has no timestamp"));
    }

    private static CreditsException invalidSignature(String detail) {
        return new CreditsException(ProblemCode.WEBHOOK_SIGNATURE_INVALID, detail);
    }

    private static SessionCreateParams.PaymentMethodType paymentMethod(String name) {
        return Stream.of(SessionCreateParams.PaymentMethodType.values())
                .filter(type -> type.getValue().equals(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("credits.stripe.payment-methods: Stripe has no"
                        + " payment method type '" + name + "'"));
    }
}
