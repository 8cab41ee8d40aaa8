package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.schoolcredits.catalog.CreditPackage;
import org.schoolcredits.catalog.Packages;
import org.schoolcredits.host.Caller;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * The purchase use cases: a school orders a package (a Checkout Session for a card; pending
 * credits for BACS and cheque), reads its purchase, and platform finance clears or fails a
 * pending payment, once. Card payments are credited by {@link StripeEvents}.
 * <p>
 * Stripe is never called inside a database transaction ({@code NOT_SUPPORTED}): a card purchase
 * is committed first ({@link CheckoutSteps}), then its Checkout Session is opened with the
 * purchase's own idempotency key, then recorded in a second transaction. When Stripe fails the
 * purchase fails, crediting nothing; after a crash between the steps, the session's
 * {@code checkout.session.expired} event finds the purchase by its id ({@link StripeEvents}).
 */
@ApplicationScoped
public class Purchases {

    /** How many purchases {@link #recent} lists. */
    public static final int RECENT = 50;

    private PurchaseRepository purchases;
    private Ledger ledger;
    private Packages packages;
    private CreditsClock clock;
    private PurchaseSettings settings;
    private StripeGateway stripe;
    private SimulatedCheckout simulated;
    private CheckoutSteps steps;
    private Consumer<PaymentSettled> notices;

    protected Purchases() {
    }

    @Inject
    public Purchases(PurchaseRepository purchases, Ledger ledger, Packages packages, CreditsClock clock,
                     PurchaseSettings settings, StripeGateway stripe, SimulatedCheckout simulated,
                     CheckoutSteps steps, Event<PaymentSettled> notices) {
        this(purchases, ledger, packages, clock, settings, stripe, simulated, steps, notices::fire);
    }

    public Purchases(PurchaseRepository purchases, Ledger ledger, Packages packages, CreditsClock clock,
                     PurchaseSettings settings, StripeGateway stripe, SimulatedCheckout simulated,
                     CheckoutSteps steps, Consumer<PaymentSettled> notices) {
        this.notices = notices;
        this.purchases = purchases;
        this.ledger = ledger;
        this.packages = packages;
        this.clock = clock;
        this.settings = settings;
        this.stripe = stripe;
        this.simulated = simulated;
        this.steps = steps;
    }

    /**
     * Orders a package at the catalogue's price: a card purchase gets a checkout, BACS and cheque
     * pending credits. Outside any transaction: each step commits on its own, Stripe is called between.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Purchase create(Caller caller, String packageId, String method) {
        CreditPackage pack = packages.find(packageId).orElseThrow(() -> new CreditsException(
                ProblemCode.UNKNOWN_PACKAGE, "There is no package '" + packageId + "'", Map.of("field", "packageId")));
        Purchase.Method how = method(method);
        if (how == Purchase.Method.CARD && settings.cardRefusal() != null) {
            throw new CreditsException(ProblemCode.PAYMENTS_NOT_CONFIGURED, "Card payments are not available: "
                    + "the platform has not configured a payment provider. Pay by BACS transfer or cheque instead.");
        }
        UUID id = UUID.randomUUID();
        boolean card = how == Purchase.Method.CARD;
        Purchase purchase = new Purchase(caller.schoolId(), id, pack.id(), pack.creditType(),
                pack.credits(), pack.price(), how, card ? Purchase.Status.AWAITING_PAYMENT : Purchase.Status.PENDING,
                null, null, null, null, List.of(), Actor.of(caller), clock.now(), Credits.ZERO, Credits.ZERO,
                card ? null : BankReference.of(caller.schoolId(), id), 0, null);
        if (!card) {
            return steps.recordPending(purchase);
        }
        steps.record(purchase);
        CheckoutSession session;
        try {
            session = settings.stripeLive() ? stripe.openSession(purchase) : simulated.openSession(purchase);
        } catch (RuntimeException e) {
            steps.abandon(purchase);
            throw e;
        }
        return steps.attach(purchase, session);
    }

    /** The school's purchase; once paid, with Stripe's receipt where there is one (read outside any transaction). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Purchase> find(String schoolId, UUID id) {
        Optional<Purchase> found = purchases.find(schoolId, id);
        if (found.isEmpty() || found.get().status() != Purchase.Status.PAID || found.get().receiptUrl() != null
                || found.get().paymentIntentId() == null) {
            return found;
        }
        Optional<String> receipt = stripe.receiptUrl(found.get().paymentIntentId());
        receipt.ifPresent(url -> steps.recordReceipt(found.get(), url));
        return receipt.isPresent() ? purchases.find(schoolId, id) : found;
    }

    /** A purchase of any school, for platform finance. */
    public Optional<Purchase> find(UUID id) {
        return purchases.find(id);
    }

    /** The school's latest purchases, newest first, {@value #RECENT} at most. */
    public List<Purchase> recent(String schoolId) {
        return purchases.ofSchool(schoolId, RECENT);
    }

    /** Purchases of every school, newest first, for platform finance; a null filter matches all. */
    public List<Purchase> list(Purchase.Status status, Boolean flagged) {
        return list(status, flagged, null, null, 500);
    }

    /**
     * A page of {@link #list}, {@code resolved} filtering those finance resolved: those after
     * {@code after} (the last of the previous page), at most {@code limit}.
     */
    public List<Purchase> list(Purchase.Status status, Boolean flagged, Boolean resolved, Purchase after, int limit) {
        return purchases.list(status, flagged, resolved, after, limit);
    }

    /**
     * Platform finance settles a pending BACS or cheque payment, once: cleared makes its credits
     * available and the purchase paid; not cleared voids them and the purchase fails.
     */
    @Transactional
    public Purchase settle(UUID id, boolean cleared, Actor by) {
        Purchase purchase = purchases.find(id).orElseThrow(() -> CreditsException.notFound("The purchase"));
        if (purchase.method() == Purchase.Method.CARD || !purchases.transition(purchase,
                cleared ? Purchase.Status.PAID : Purchase.Status.FAILED, null, clock.now(), Purchase.Status.PENDING)) {
            throw new CreditsException(ProblemCode.PURCHASE_NOT_PENDING, "The purchase is " + purchase.status().code()
                    + (purchase.method() == Purchase.Method.CARD ? ", and a card payment settles through Stripe" : ""));
        }
        if (!ledger.settlePending(purchase.schoolId(), purchase.creditType(), LotSource.PURCHASE, purchase.reference(),
                cleared, by)) {
            throw new IllegalStateException("pending purchase " + id + " has no pending credits");
        }
        notices.accept(PaymentNotices.of(purchase, cleared ? PaymentSettled.Outcome.CLEARED
                : PaymentSettled.Outcome.FAILED));
        return purchases.find(id).orElseThrow();
    }

    /** How to pay a BACS or cheque purchase, from configuration; null for a card. */
    public String instructions(Purchase purchase) {
        return settings.instructions(purchase);
    }

    private static Purchase.Method method(String code) {
        try {
            return Purchase.Method.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new CreditsException(ProblemCode.UNKNOWN_PAYMENT_METHOD, "The method must be card, bacs or cheque",
                    Map.of("field", "method"));
        }
    }
}
