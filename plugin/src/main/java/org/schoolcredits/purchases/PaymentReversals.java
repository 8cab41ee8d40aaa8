package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Reversals;
import org.schoolcredits.purchases.CheckoutEvent.PaymentChange;
import org.schoolcredits.storage.Jdbc;

/**
 * Refunds and disputes of a paid card purchase. Each event is first merged into what Stripe has
 * said of the payment ({@code stripe_payment}: the most refunded so far, the dispute and whether it
 * is closed), a merge that the same events in any order bring to the same row. The purchase is
 * then brought in line with that row: what it has lost is the refunded amount plus a dispute
 * that is open or lost, at most its price; its credits lost are that share of its credits,
 * rounded down (in the school's favour). What was taken back before is compared with that: more
 * is taken back through the ledger (what the school already spent is recorded as owed), or, after
 * a dispute won, the owed is forgiven first and the rest given back. So the end state is the same
 * whatever the order of the events; only the history shows the way there.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentReversals {

    private Jdbc db;
    private PurchaseRepository purchases;
    private Reversals ledger;
    private CreditsClock clock;
    private Consumer<PaymentReversed> notices;

    /** What Stripe has said of one payment since it was made. */
    record Facts(long refundedPence, String disputeStatus, boolean disputeClosed, long disputePence) {

        /** An open dispute holds the money back, a lost one keeps it; won (or an inquiry closed) gives it back. */
        boolean disputeHolds() {
            return disputeStatus != null && (!disputeClosed || "lost".equals(disputeStatus));
        }

        long lostPence(long price) {
            return Math.min(price, refundedPence + (disputeHolds() ? disputePence : 0));
        }

        Purchase.Status status() {
            return disputeHolds() ? Purchase.Status.DISPUTED
                    : refundedPence > 0 ? Purchase.Status.REFUNDED : Purchase.Status.PAID;
        }
    }

    protected PaymentReversals() {
    }

    @Inject
    public PaymentReversals(Jdbc db, PurchaseRepository purchases, Reversals ledger, CreditsClock clock,
                            Event<PaymentReversed> notices) {
        this(db, purchases, ledger, clock, notices::fire);
    }

    public PaymentReversals(Jdbc db, PurchaseRepository purchases, Reversals ledger, CreditsClock clock,
                            Consumer<PaymentReversed> notices) {
        this.db = db;
        this.purchases = purchases;
        this.ledger = ledger;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * Merges a refund or dispute event into its payment's facts and brings the purchases it paid in
     * line; the purchases it changed (none when its payment is not known yet: the purchase picks the
     * facts up once it is paid).
     */
    List<Purchase> apply(CheckoutEvent event) {
        PaymentChange change = event.change();
        db.update("insert into stripe_payment as p (payment_intent_id, refunded_pence, dispute_id, dispute_status,"
                        + " dispute_closed, dispute_pence, updated_at) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (payment_intent_id) do update set"
                        + " refunded_pence = greatest(p.refunded_pence, excluded.refunded_pence),"
                        + " dispute_id = coalesce(excluded.dispute_id, p.dispute_id),"
                        + " dispute_status = case when excluded.dispute_status is null"
                        + " or (p.dispute_closed and not excluded.dispute_closed) then p.dispute_status"
                        + " else excluded.dispute_status end,"
                        + " dispute_closed = p.dispute_closed or excluded.dispute_closed,"
                        + " dispute_pence = greatest(p.dispute_pence, excluded.dispute_pence),"
                        + " updated_at = excluded.updated_at",
                event.paymentIntentId(), change.refundedPence() == null ? 0 : change.refundedPence(),
                change.disputeId(), change.disputeStatus(), change.disputeClosed(), change.disputePence(),
                clock.now());
        return purchases.lockByPaymentIntent(event.paymentIntentId()).stream()
                .filter(purchase -> settle(purchase, purchase.paymentIntentId(), event.id())).toList();
    }

    /**
     * Brings a purchase in line with what Stripe has said of its payment, if it is paid (or was
     * refunded or disputed); returns whether anything changed. Called for each refund or dispute
     * event, and when a purchase becomes paid (an event of its payment may have come first):
     * {@code paymentIntentId} is the payment that paid it, none when it has none yet.
     */
    boolean settle(Purchase purchase, String paymentIntentId, String cause) {
        if (paymentIntentId == null) {
            return false;
        }
        lockPayment(paymentIntentId);
        Purchase p = purchases.lock(purchase);
        if (p.status() != Purchase.Status.PAID && p.status() != Purchase.Status.REFUNDED
                && p.status() != Purchase.Status.DISPUTED) {
            return false;
        }
        Facts facts = facts(p.paymentIntentId()).orElseThrow();
        long price = p.price().pence();
        long due = Math.multiplyExact(p.credits().millis(), facts.lostPence(price)) / price;
        long taken = p.takenBack().millis();
        long owed = p.owed().millis();
        if (due == taken + owed && facts.status() == p.status()) {
            return false;
        }
        String why = why(facts, price);
        String reason = "Purchase " + p.packageId() + " " + p.id() + " " + why;
        if (due > taken + owed) {
            long more = due - taken - owed;
            long got = ledger.takeBack(p.schoolId(), p.creditType(), p.reference(), new Credits(more), reason).millis();
            taken += got;
            owed += more - got;
        } else if (due < taken + owed) {
            long back = taken + owed - due;
            long forgiven = Math.min(owed, back);
            owed -= forgiven;
            taken -= back - forgiven;
            ledger.giveBack(p.schoolId(), p.creditType(), p.reference(), new Credits(back - forgiven), reason);
        }
        Instant now = clock.now();
        purchases.recordReversal(p, facts.status(), new Credits(taken), new Credits(owed), now);
        notices.accept(new PaymentReversed(p.schoolId(), p.id().toString(), p.packageId(), price, why,
                facts.status().code(), new Credits(taken), new Credits(owed), cause));
        return true;
    }

    /**
     * Locks what Stripe said of the payment (creating its row), before any purchase of it: every
     * transaction that touches both locks in this order, so none waits for another in a circle. It
     * also waits for a concurrent first event of this payment to commit, so its facts are read after.
     * Answers whether Stripe has told of a refund or dispute of it: until this transaction ends, no
     * other can, so a purchase it pays now has nothing to {@link #settle} when it has not.
     */
    boolean lockPayment(String paymentIntentId) {
        return db.one("insert into stripe_payment as p (payment_intent_id, updated_at) values (?, ?)"
                + " on conflict (payment_intent_id) do update set updated_at = p.updated_at"
                + " returning p.refunded_pence > 0 or p.dispute_status is not null", rs -> rs.getBoolean(1),
                paymentIntentId, clock.now()).orElseThrow();
    }

    private Optional<Facts> facts(String paymentIntentId) {
        return db.one("select refunded_pence, dispute_status, dispute_closed, dispute_pence from stripe_payment"
                        + " where payment_intent_id = ?",
                rs -> new Facts(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)), paymentIntentId);
    }

    /** What Stripe said, in words: {@code refunded £5.00 of £10.00 in Stripe; disputed (needs_response)}. */
    static String why(Facts facts, long price) {
        StringBuilder words = new StringBuilder();
        if (facts.refundedPence() > 0) {
            words.append("refunded ").append(pounds(facts.refundedPence())).append(" of ").append(pounds(price))
                    .append(" in Stripe");
        }
        if (facts.disputeStatus() != null) {
            words.append(words.isEmpty() ? "" : "; ").append(!facts.disputeClosed() ? "disputed"
                    : facts.disputeHolds() ? "dispute lost" : "dispute closed in the school's favour")
                    .append(" (").append(pounds(facts.disputePence())).append(", Stripe status ")
                    .append(facts.disputeStatus()).append(")");
        }
        return words.isEmpty() ? "no longer refunded or disputed" : words.toString();
    }

    private static String pounds(long pence) {
        return "£" + BigDecimal.valueOf(pence, 2).toPlainString();
    }
}
