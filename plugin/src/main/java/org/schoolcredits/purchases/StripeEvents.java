package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.kernel.Money;
import org.schoolcredits.purchases.CheckoutEvent.Kind;
import org.schoolcredits.purchases.Purchase.Status;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * Applies verified Stripe events to purchases, each Checkout Session at most once whatever the
 * number, order or concurrency of deliveries: the event id is claimed by an insert, and the
 * purchase moves by a conditional update, in the same transaction as the credit. An event whose
 * amount or currency disagrees with the purchase credits nothing and flags it for review. Refund
 * and dispute events go to {@link PaymentReversals}.
 */
@ApplicationScoped
public class StripeEvents {

    /** What an event did. */
    public enum Outcome {
        APPLIED, UNCHANGED, IGNORED, UNKNOWN_SESSION, UNKNOWN_PAYMENT, FLAGGED, DUPLICATE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = Logger.getLogger(StripeEvents.class.getName());

    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;
    private PurchaseRepository purchases;
    private Ledger ledger;
    private CreditsClock clock;
    private Consumer<PaymentSettled> notices;
    private PaymentReversals reversals;

    protected StripeEvents() {
    }

    @Inject
    public StripeEvents(PurchaseRepository purchases, Ledger ledger, CreditsClock clock,
                        Event<PaymentSettled> notices, PaymentReversals reversals) {
        this(null, purchases, ledger, clock, notices::fire, reversals);
    }

    /** Outside the container (tests): on {@code em}. */
    public StripeEvents(EntityManager em, PurchaseRepository purchases, Ledger ledger, CreditsClock clock,
                        Consumer<PaymentSettled> notices, PaymentReversals reversals) {
        this.reversals = reversals;
        this.em = em;
        this.purchases = purchases;
        this.ledger = ledger;
        this.clock = clock;
        this.notices = notices;
    }

    /** Stores the event and applies it, or answers {@link Outcome#DUPLICATE} for one seen before. */
    @Transactional
    public Outcome receive(CheckoutEvent event) {
        Instant now = clock.now();
        // each event once: a unique key, not a look-up before the insert
        boolean first = em.createNativeQuery("insert into stripe_event (event_id, type, api_version, payload,"
                        + " received_at) values (?, ?, ?, ?, ?) on conflict (event_id) do nothing")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, event.apiVersion())
                .setParameter(4, event.payload()).setParameter(5, now.atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
        if (!first) {
            return Outcome.DUPLICATE;
        }
        Purchase purchase;
        Outcome outcome;
        if (event.kind() == Kind.OTHER) {
            purchase = null;
            outcome = Outcome.IGNORED;
        } else if (event.change() != null) {
            List<Purchase> changed = reversals.apply(event);
            purchase = changed.isEmpty() ? purchases.lockByPaymentIntent(event.paymentIntentId()).stream()
                    .findFirst().orElse(null) : changed.get(0);
            outcome = purchase == null ? Outcome.UNKNOWN_PAYMENT
                    : changed.isEmpty() ? Outcome.UNCHANGED : Outcome.APPLIED;
        } else {
            purchase = purchases.findBySession(event.sessionId()).or(() -> unattached(event)).orElse(null);
            outcome = purchase == null ? Outcome.UNKNOWN_SESSION : apply(event, purchase, now);
        }
        // what it did, in one statement; an event of no purchase keeps the nulls it was inserted with
        var record = em.createQuery("update ReceivedStripeEvent e set e.outcome = :outcome"
                        + (purchase == null ? "" : ", e.schoolId = :school, e.purchaseId = :purchase") + " where e.id = :id")
                .setParameter("outcome", outcome.code()).setParameter("id", event.id());
        if (purchase != null) {
            record.setParameter("school", purchase.schoolId()).setParameter("purchase", purchase.id());
        }
        record.executeUpdate();
        return outcome;
    }

    /**
     * The purchase a session was opened for whose session was never recorded (the instance stopped
     * between opening it at Stripe and recording it): found by the session's client reference, the
     * purchase id, while it awaits payment with no session; the session is recorded on it now.
     */
    private Optional<Purchase> unattached(CheckoutEvent event) {
        return Optional.ofNullable(event.clientReferenceId()).flatMap(Purchase::idOf).flatMap(purchases::find)
                .filter(p -> p.checkoutSessionId() == null && p.status() == Status.AWAITING_PAYMENT)
                .map(p -> {
                    purchases.attachCheckout(p, new CheckoutSession(event.sessionId(), null));
                    return purchases.find(p.schoolId(), p.id()).orElseThrow();
                });
    }

    private Outcome apply(CheckoutEvent event, Purchase purchase, Instant now) {
        boolean paying = event.kind() == Kind.COMPLETED || event.kind() == Kind.ASYNC_PAYMENT_SUCCEEDED;
        String disagreement = paying ? disagreement(event, purchase) : null;
        if (disagreement != null) {
            purchases.flag(purchase, disagreement, event.paymentIntentId(), now);
            LOG.warning(() -> "School Credits: Stripe event " + event.id() + " flagged for review: " + disagreement);
            return Outcome.FLAGGED;
        }
        String paymentIntent = event.paymentIntentId();
        // locked before the purchase, as a refund or dispute event locks them; with none, its payment is not known
        boolean reversedFirst = paymentIntent == null || reversals.lockPayment(paymentIntent);
        boolean changed = switch (event.kind()) {
            case COMPLETED -> {
                boolean paid = event.paymentStatus() == CheckoutEvent.PaymentStatus.PAID;
                yield purchases.transition(purchase, paid ? Status.PAID : Status.PENDING, paymentIntent, now,
                        Status.AWAITING_PAYMENT) && credit(purchase, !paid);
            }
            // it may come before the completed event: then it credits directly, and completed finds it paid
            case ASYNC_PAYMENT_SUCCEEDED -> pay(purchase, paymentIntent, now);
            case ASYNC_PAYMENT_FAILED -> {
                boolean failed = purchases.transition(purchase, Status.FAILED, paymentIntent, now,
                        Status.AWAITING_PAYMENT, Status.PENDING);
                if (failed) {
                    settle(purchase, false); // the pending credits go, if completed came first
                }
                yield failed;
            }
            case EXPIRED -> purchases.transition(purchase, Status.EXPIRED, null, now, Status.AWAITING_PAYMENT);
            case REFUNDED, DISPUTE_CREATED, DISPUTE_CLOSED, OTHER -> false;
        };
        if (changed) {
            notify(purchase, event);
            if (reversedFirst) { // a refund or dispute of this payment came before it was paid
                reversals.settle(purchase, paidBy(purchase, paymentIntent), event.id());
            }
        }
        return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    /**
     * Makes the purchase paid by this payment and its credits available, once: the pending credits
     * of a Bacs Direct Debit clear, or its credits are added. False when it was paid (or ended) before.
     */
    private boolean pay(Purchase purchase, String paymentIntent, Instant now) {
        return purchases.transition(purchase, Status.PAID, paymentIntent, now, Status.AWAITING_PAYMENT, Status.PENDING)
                && (settle(purchase, true) || credit(purchase, false));
    }

    /**
     * Platform finance credits a flagged purchase after review: paid, by the payment that flagged it,
     * the way an agreeing payment would have paid it (the admins hear of it; a refund or dispute of
     * that payment that came first applies). False when it was paid or ended before: nothing changes.
     * Runs in the caller's transaction.
     */
    boolean payAfterReview(Purchase purchase, String because) {
        String paymentIntent = purchases.flaggedPayment(purchase).orElse(null);
        // locked before the purchase, as the events lock them
        boolean reversedFirst = paymentIntent == null || reversals.lockPayment(paymentIntent);
        if (!pay(purchase, paymentIntent, clock.now())) {
            return false;
        }
        notices.accept(PaymentNotices.of(purchase, PaymentSettled.Outcome.RECEIVED));
        if (reversedFirst) {
            reversals.settle(purchase, paidBy(purchase, paymentIntent), because);
        }
        return true;
    }

    /** The payment a purchase has once {@link PurchaseRepository#transition} gave it {@code paymentIntent} (none: null). */
    private static String paidBy(Purchase purchase, String paymentIntent) {
        return paymentIntent != null ? paymentIntent : purchase.paymentIntentId();
    }

    /** The admins hear of a card payment that arrived or a Bacs Direct Debit that failed. */
    private void notify(Purchase purchase, CheckoutEvent event) {
        boolean received = event.kind() == Kind.ASYNC_PAYMENT_SUCCEEDED
                || event.kind() == Kind.COMPLETED && event.paymentStatus() == CheckoutEvent.PaymentStatus.PAID;
        if (received || event.kind() == Kind.ASYNC_PAYMENT_FAILED) {
            notices.accept(PaymentNotices.of(purchase, received ? PaymentSettled.Outcome.RECEIVED
                    : PaymentSettled.Outcome.FAILED));
        }
    }

    /** Why the event cannot be the payment of this purchase, or null when it can. */
    private static String disagreement(CheckoutEvent event, Purchase purchase) {
        if (event.kind() == Kind.COMPLETED && event.paymentStatus() == CheckoutEvent.PaymentStatus.UNKNOWN) {
            return "event " + event.id() + " has a payment status this plugin does not know";
        }
        if (event.amountTotal() == null || event.amountTotal() != purchase.price().pence()
                || !Money.CURRENCY.equalsIgnoreCase(event.currency())) {
            return "event " + event.id() + " paid " + event.amountTotal() + " " + event.currency() + " for a purchase of "
                    + purchase.price().pence() + " " + Money.CURRENCY;
        }
        return null;
    }

    private boolean credit(Purchase purchase, boolean pending) {
        ledger.grant(new Grant(purchase.schoolId(), purchase.creditType(), LotSource.PURCHASE, purchase.reference(),
                purchase.credits(), null, pending, purchase.buyer()))
                .orElseThrow(() -> new IllegalStateException("purchase " + purchase.id() + " was credited before"));
        return true;
    }

    private boolean settle(Purchase purchase, boolean cleared) {
        return ledger.settlePending(purchase.schoolId(), purchase.creditType(), LotSource.PURCHASE,
                purchase.reference(), cleared, purchase.buyer());
    }
}
