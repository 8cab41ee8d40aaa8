package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.schoolcredits.kernel.Money;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * Stands in for Stripe Checkout when no Stripe key is set and {@code credits.simulated-payments}
 * allows it (in the demo): a session of its own, and on "pay"
 * or "fail" the Stripe-shaped events Stripe would send, signed with the webhook secret and
 * posted over HTTP to the plugin's own webhook, so that the credits arrive by the real path.
 */
@ApplicationScoped
public class SimulatedCheckout {

    /** Once: each static {@code Json.create...} looks the JSON-P provider up through the ServiceLoader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How a simulated checkout ends. */
    public enum Ending {
        /** paid by card: completed and paid */
        CARD_PAID,
        /** paid by Bacs Direct Debit: completed but unpaid, then the payment succeeds */
        BACS_DEBIT_PAID,
        /** the payment fails */
        FAILED
    }

    /** A Stripe event body and its {@code Stripe-Signature} header. */
    public record SignedEvent(String payload, String signature) {
    }

    static final String SESSION_PREFIX = "cs_test_simulated_";
    /** The API version the simulated events claim: the one stripe-java 33.3.0 pins. */
    static final String API_VERSION = "2026-07-29.dahlia";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PurchaseSettings settings;
    private PurchaseRepository purchases;

    protected SimulatedCheckout() {
    }

    @Inject
    public SimulatedCheckout(PurchaseSettings settings, PurchaseRepository purchases) {
        this.settings = settings;
        this.purchases = purchases;
    }

    CheckoutSession openSession(Purchase purchase) {
        String id = SESSION_PREFIX + purchase.id().toString().replace("-", "");
        return new CheckoutSession(id, settings.publicUrl() + "/api/credits/checkout/" + id);
    }

    /**
     * The school's purchase of a simulated session; when the checkout is not simulated there is
     * none, as if the page did not exist, and another school's is none either.
     */
    public Optional<Purchase> purchase(String schoolId, String sessionId) {
        return !settings.simulated() || !sessionId.startsWith(SESSION_PREFIX) ? Optional.empty()
                : purchases.findBySession(sessionId).filter(p -> p.schoolId().equals(schoolId));
    }

    /** The events Stripe would send for this ending, in the order it would send them. */
    public List<SignedEvent> events(Purchase purchase, Ending ending) {
        List<SignedEvent> events = new ArrayList<>();
        switch (ending) {
            case CARD_PAID -> events.add(sign(event("checkout.session.completed", purchase, "paid")));
            case BACS_DEBIT_PAID -> {
                events.add(sign(event("checkout.session.completed", purchase, "unpaid")));
                events.add(sign(event("checkout.session.async_payment_succeeded", purchase, "paid")));
            }
            case FAILED -> events.add(sign(event("checkout.session.async_payment_failed", purchase, "unpaid")));
        }
        return events;
    }

    /** Posts the events to the plugin's webhook, one after the other, as Stripe would. */
    public void deliver(List<SignedEvent> events) {
        URI webhook = URI.create(settings.publicUrl() + "/api/credits/stripe/webhook");
        for (SignedEvent event : events) {
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Stripe-Signature", event.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8)).build();
            int status;
            try {
                status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw undelivered(webhook + " cannot be reached: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw undelivered("interrupted");
            }
            if (status / 100 != 2) {
                throw undelivered(webhook + " answered " + status);
            }
        }
    }

    private static String event(String type, Purchase purchase, String paymentStatus) {
        String sessionId = purchase.checkoutSessionId();
        JsonObject session = JSON.createObjectBuilder()
                .add("id", sessionId)
                .add("object", "checkout.session")
                .add("amount_total", purchase.price().pence())
                .add("currency", Money.CURRENCY.toLowerCase(Locale.ROOT))
                .add("client_reference_id", purchase.id().toString())
                .add("metadata", JSON.createObjectBuilder()
                        .add("school_id", purchase.schoolId())
                        .add("purchase_id", purchase.id().toString())
                        .add("package_id", purchase.packageId()))
                .add("mode", "payment")
                .add("payment_intent", "pi_simulated_" + sessionId.substring(SESSION_PREFIX.length()))
                .add("payment_status", paymentStatus)
                .add("status", type.endsWith("expired") ? "expired" : "complete")
                .build();
        return JSON.createObjectBuilder()
                .add("id", "evt_simulated_" + UUID.randomUUID().toString().replace("-", ""))
                .add("object", "event")
                .add("api_version", API_VERSION)
                .add("created", Instant.now().getEpochSecond())
                .add("livemode", false)
                .add("pending_webhooks", 1)
                .add("type", type)
                .add("data", JSON.createObjectBuilder().add("object", session))
                .build().toString();
    }

    /** Signs as Stripe does: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<seconds>.<payload>">}. */
    private SignedEvent sign(String payload) {
        long t = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return new SignedEvent(payload, "t=" + t + ",v1=" + v1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CreditsException undelivered(String why) {
        return new CreditsException(ProblemCode.PAYMENT_PROVIDER_FAILED, "The simulated checkout could not deliver"
                + " its event: " + why);
    }
}
