package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;

/**
 * The transactions of a purchase's creation, each committed on its own, so that {@link Purchases}
 * calls Stripe between them with no transaction open and no connection held: the card purchase
 * recorded (awaiting payment), then its Checkout Session recorded, or the purchase failed when
 * Stripe could not open one. A BACS or cheque purchase and its pending credits are one transaction.
 * A card purchase whose session was never recorded (the instance stopped between the steps) expires
 * after {@link #UNOPENED}, far longer than any call to Stripe takes ({@link CheckoutSweep}).
 */
@ApplicationScoped
public class CheckoutSteps {

    /** How long a card purchase may await its Checkout Session before it counts as never opened. */
    public static final Duration UNOPENED = Duration.ofHours(1);

    private PurchaseRepository purchases;
    private Ledger ledger;
    private CreditsClock clock;

    protected CheckoutSteps() {
    }

    @Inject
    public CheckoutSteps(PurchaseRepository purchases, Ledger ledger, CreditsClock clock) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records a card purchase, awaiting its checkout. */
    @Transactional
    public void record(Purchase purchase) {
        purchases.insert(purchase);
    }

    /** Records a BACS or cheque purchase with its pending credits. */
    @Transactional
    public Purchase recordPending(Purchase purchase) {
        purchases.insert(purchase);
        ledger.grant(new Grant(purchase.schoolId(), purchase.creditType(), LotSource.PURCHASE, purchase.reference(),
                purchase.credits(), null, true, purchase.buyer()));
        return purchases.find(purchase.schoolId(), purchase.id()).orElseThrow();
    }

    /** Records the purchase's Checkout Session, which its webhook events name. */
    @Transactional
    public Purchase attach(Purchase purchase, CheckoutSession session) {
        purchases.attachCheckout(purchase, session);
        return purchases.find(purchase.schoolId(), purchase.id()).orElseThrow();
    }

    /** No checkout could be opened: the purchase fails (it credited nothing), unless it moved meanwhile. */
    @Transactional
    public void abandon(Purchase purchase) {
        purchases.transition(purchase, Purchase.Status.FAILED, null, clock.now(), Purchase.Status.AWAITING_PAYMENT);
    }

    /** Keeps the receipt Stripe gave for a paid purchase. */
    @Transactional
    public void recordReceipt(Purchase purchase, String receiptUrl) {
        purchases.recordReceipt(purchase, receiptUrl);
    }

    /** Card purchases that never got their Checkout Session recorded in {@link #UNOPENED} expire; returns how many. */
    @Transactional
    public int expireUnopened() {
        Instant now = clock.now();
        return purchases.expireUnopened(now.minus(UNOPENED), now);
    }
}
