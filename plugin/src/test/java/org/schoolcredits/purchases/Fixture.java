package org.schoolcredits.purchases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.net.Webhook;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.schoolcredits.ConfigDefaults;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.catalog.CatalogConfig;
import org.schoolcredits.catalog.Packages;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.ledger.Reversals;

/**
 * The purchases capability wired by hand on a fresh database, with the checkout simulated
 * unless a Stripe key and API base are given; events reach {@link StripeEvents} through the
 * gateway's signature check, as from the webhook.
 */
final class Fixture {

    static final String SECRET = "whsec_test_0123456789";
    static final Caller ADMIN = new Caller("oakwood", "admin@oakwood", "Ada Oak", java.util.Set.of("credits.manage"));
    static final Caller OTHER_ADMIN = new Caller("riverside", "admin@riverside", "Rae River",
            java.util.Set.of("credits.manage"));

    final TestDatabase db = TestDatabase.create();
    final TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
    final Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
    final PurchaseRepository repository = new PurchaseRepository(db.entityManager());
    final PurchaseSettings settings;
    final StripeGateway stripe;
    final SimulatedCheckout simulated;
    final CheckoutSteps steps;
    final Purchases purchases;
    final PaymentReversals reversals;
    final StripeEvents events;
    final FlaggedPurchases flagged;
    /** What platform finance was told of refunds and disputes, in order. */
    final List<PaymentReversed> reversed = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the school admins were told, in order. */
    final List<PaymentSettled> notices = new java.util.concurrent.CopyOnWriteArrayList<>();

    Fixture() {
        this(null, null, true);
    }

    Fixture(String stripeKey, String stripeApiBase) {
        this(stripeKey, stripeApiBase, true);
    }

    /** With {@code simulatedPayments} false and no Stripe key, card payments are not configured. */
    Fixture(String stripeKey, String stripeApiBase, boolean simulatedPayments) {
        settings = new PurchaseSettings(new org.schoolcredits.links.HostLinks("http://localhost:8080/", "/settings/credits"), Optional.ofNullable(stripeKey), simulatedPayments,
                Optional.of(SECRET),
                Optional.ofNullable(stripeApiBase), List.of("card", "bacs_debit"),
                "Bank transfer, reference {reference}", "Cheque payable to School Credits Ltd, {reference} on the back");
        stripe = new StripeGateway(settings);
        simulated = new SimulatedCheckout(settings, repository);
        steps = new Steps();
        purchases = new Purchases(repository, ledger, new Packages(ConfigDefaults.bind(CatalogConfig.class)), clock, settings, stripe, simulated,
                steps, notices::add);
        reversals = new PaymentReversals(db.jdbc(), repository, new Reversals(db.jdbc(), clock, change -> { }), clock,
                reversed::add);
        events = new StripeEvents(db.entityManager(), repository, ledger, clock, notices::add, reversals);
        flagged = new FlaggedPurchases(repository, events, clock);
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.provision("riverside");
        });
    }

    /** Orders as the resource does, in a transaction or not as {@link Purchases#create}'s annotation says. */
    Purchase buy(Caller caller, String packageId, String method) {
        return asTheContainerRuns(() -> purchases.create(caller, packageId, method), "create", Caller.class,
                String.class, String.class);
    }

    /**
     * Runs a call of {@link Purchases} the way the container would: outside any transaction when the
     * method is {@code @Transactional(NOT_SUPPORTED)}, else in one.
     */
    <T> T asTheContainerRuns(Supplier<T> call, String method, Class<?>... parameters) {
        try {
            Transactional tx = Purchases.class.getMethod(method, parameters).getAnnotation(Transactional.class);
            return tx != null && tx.value() == Transactional.TxType.NOT_SUPPORTED ? call.get() : db.tx(call);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The steps each in a transaction, as the container runs their {@code @Transactional}: their own,
     * or the caller's when there is one.
     */
    private final class Steps extends CheckoutSteps {

        Steps() {
            super(repository, ledger, clock);
        }

        private <T> T tx(Supplier<T> step) {
            return db.active() ? step.get() : db.tx(step);
        }

        private void run(Runnable step) {
            tx(() -> {
                step.run();
                return null;
            });
        }

        @Override
        public void record(Purchase purchase) {
            run(() -> super.record(purchase));
        }

        @Override
        public Purchase recordPending(Purchase purchase) {
            return tx(() -> super.recordPending(purchase));
        }

        @Override
        public Purchase attach(Purchase purchase, CheckoutSession session) {
            return tx(() -> super.attach(purchase, session));
        }

        @Override
        public void abandon(Purchase purchase) {
            run(() -> super.abandon(purchase));
        }

        @Override
        public void recordReceipt(Purchase purchase, String receiptUrl) {
            run(() -> super.recordReceipt(purchase, receiptUrl));
        }
    }

    Purchase reload(Purchase purchase) {
        return repository.find(purchase.schoolId(), purchase.id()).orElseThrow();
    }

    /** Delivers a signed event as the webhook does. */
    StripeEvents.Outcome deliver(SimulatedCheckout.SignedEvent event) {
        return db.tx(() -> events.receive(stripe.verify(event.payload(), event.signature())));
    }

    StripeEvents.Outcome deliver(String payload) {
        return deliver(sign(payload, Instant.now().getEpochSecond()));
    }

    Balance balance(CreditType type) {
        return ledger.balance("oakwood", type);
    }

    void assertReconciled() {
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run(new PurchaseChecks());
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    /** Signed with Stripe's own library, at {@code t} seconds. */
    static SimulatedCheckout.SignedEvent sign(String payload, long t) {
        return sign(payload, SECRET, t);
    }

    static SimulatedCheckout.SignedEvent sign(String payload, String secret, long t) {
        try {
            return new SimulatedCheckout.SignedEvent(payload, Webhook.Signature.generateSignatureHeader(payload, secret, t));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Checkout Session event as Stripe sends it. */
    static String sessionEvent(String eventId, String type, String apiVersion, Purchase purchase, long amountTotal,
                               String currency, String paymentStatus) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":1762765200,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":{"id":"%s","object":"checkout.session","amount_total":%d,"currency":"%s",
                   "client_reference_id":"%s","metadata":{"school_id":"%s","purchase_id":"%s","package_id":"%s"},
                   "mode":"payment","payment_intent":"pi_test_1","payment_status":"%s","status":"complete"}}}
                """.formatted(eventId, apiVersion, type, purchase.checkoutSessionId(), amountTotal, currency,
                purchase.id(), purchase.schoolId(), purchase.id(), purchase.packageId(), paymentStatus);
    }

    static String sessionEvent(String eventId, String type, Purchase purchase, String paymentStatus) {
        return sessionEvent(eventId, type, SimulatedCheckout.API_VERSION, purchase, purchase.price().pence(), "gbp",
                paymentStatus);
    }

    /** A configuration with nothing set: every default applies. */
}
