package org.schoolcredits.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.schoolcredits.purchases.Fixture.ADMIN;
import static org.schoolcredits.purchases.Fixture.sessionEvent;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.Purchase.Resolution.Outcome;
import org.schoolcredits.purchases.SimulatedCheckout.Ending;

/** Platform finance resolves a purchase flagged because a payment disagreed: credit after review, or dismiss. */
class FlaggedPurchasesTest {

    static final Actor FINANCE = new Actor("finance@platform", "Fin Ance");

    final Fixture f = new Fixture();

    @AfterEach
    void reconciles() {
        f.assertReconciled();
    }

    Balance connect() {
        return f.balance(CreditType.CONNECT);
    }

    /** A card purchase of 100 Connect credits whose completed event paid 1 penny instead of £10.00. */
    Purchase flaggedPurchase() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        assertEquals(StripeEvents.Outcome.FLAGGED, f.deliver(sessionEvent("evt_cheap_" + purchase.id(),
                "checkout.session.completed", SimulatedCheckout.API_VERSION, purchase, 1, "gbp", "paid")));
        assertTrue(f.reload(purchase).flagged());
        return purchase;
    }

    Purchase resolve(Purchase purchase, Outcome outcome, String reason) {
        return f.db.tx(() -> f.flagged.resolve(purchase.id(), outcome, reason, FINANCE));
    }

    ProblemCode refused(Purchase purchase, Outcome outcome) {
        return assertThrows(CreditsException.class, () -> resolve(purchase, outcome, "again")).code();
    }

    List<UUID> flaggedIds() {
        return f.purchases.list(null, true).stream().map(Purchase::id).toList();
    }

    @Test
    @DisplayName("credited after review, a flagged purchase is paid and its credits are available once; it leaves the"
            + " flagged list with who resolved it, when and why, and the admins hear the payment arrived")
    void credit() {
        Purchase purchase = flaggedPurchase();
        f.notices.clear();
        Purchase resolved = resolve(purchase, Outcome.CREDITED, "Paid in full by bank, Stripe showed 1p");
        assertEquals(Purchase.Status.PAID, resolved.status());
        assertEquals(new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO), connect());
        assertEquals(Outcome.CREDITED, resolved.resolution().outcome());
        assertEquals("Paid in full by bank, Stripe showed 1p", resolved.resolution().reason());
        assertEquals(FINANCE, resolved.resolution().by());
        assertEquals(f.clock.now(), resolved.resolution().at());
        assertEquals(List.of(), flaggedIds());
        assertEquals(List.of(purchase.id()), f.purchases.list(null, null, true, null, 50).stream().map(Purchase::id)
                .toList());
        assertEquals(1, resolved.flagReasons().size(), "the reasons are kept");
        assertEquals(List.of(PaymentSettled.Outcome.RECEIVED), f.notices.stream().map(PaymentSettled::outcome).toList());
    }

    @Test
    @DisplayName("a second resolution of the same purchase, credit or dismiss, is refused as not flagged and credits"
            + " nothing more")
    void secondResolution() {
        Purchase purchase = flaggedPurchase();
        resolve(purchase, Outcome.CREDITED, "Checked with the bank");
        assertEquals(ProblemCode.PURCHASE_NOT_FLAGGED, refused(purchase, Outcome.CREDITED));
        assertEquals(ProblemCode.PURCHASE_NOT_FLAGGED, refused(purchase, Outcome.DISMISSED));
        assertEquals(new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO), connect());
        assertEquals("Checked with the bank", f.reload(purchase).resolution().reason());
    }

    @Test
    @DisplayName("dismissed, a flagged purchase credits nothing and keeps its status, and leaves the flagged list with"
            + " the resolution recorded")
    void dismiss() {
        Purchase purchase = flaggedPurchase();
        Purchase resolved = resolve(purchase, Outcome.DISMISSED, "Test payment from the school's IT");
        assertEquals(Purchase.Status.AWAITING_PAYMENT, resolved.status());
        assertEquals(Balance.EMPTY, connect());
        assertEquals(Outcome.DISMISSED, resolved.resolution().outcome());
        assertEquals(List.of(), flaggedIds());
        assertEquals(ProblemCode.PURCHASE_NOT_FLAGGED, refused(purchase, Outcome.CREDITED));
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("a flagged purchase that was paid already cannot be credited again: refused, still flagged, nothing"
            + " recorded; it can be dismissed")
    void alreadyPaid() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        f.deliver(f.simulated.events(purchase, Ending.CARD_PAID).get(0));
        assertEquals(StripeEvents.Outcome.FLAGGED, f.deliver(sessionEvent("evt_euros",
                "checkout.session.async_payment_succeeded", SimulatedCheckout.API_VERSION, purchase,
                purchase.price().pence(), "eur", "paid")));
        assertEquals(ProblemCode.PURCHASE_NOT_CREDITABLE, refused(purchase, Outcome.CREDITED));
        assertTrue(f.reload(purchase).flagged());
        assertNull(f.reload(purchase).resolution());
        assertEquals(new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO), connect());
        assertEquals(Outcome.DISMISSED, resolve(purchase, Outcome.DISMISSED, "Duplicate in euros").resolution().outcome());
        assertEquals(new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO), connect());
    }

    @Test
    @DisplayName("a purchase never flagged is refused as not flagged, an unknown one is not found")
    void notFlaggedOrUnknown() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        assertEquals(ProblemCode.PURCHASE_NOT_FLAGGED, refused(purchase, Outcome.DISMISSED));
        assertEquals(ProblemCode.NOT_FOUND, assertThrows(CreditsException.class, () -> f.db.tx(() ->
                f.flagged.resolve(UUID.randomUUID(), Outcome.CREDITED, "why", FINANCE))).code());
        assertNull(f.reload(purchase).resolution());
    }

    @Test
    @DisplayName("a Bacs Direct Debit whose success disagreed, credited after review, clears its pending credits")
    void pendingDirectDebit() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        f.deliver(f.simulated.events(purchase, Ending.BACS_DEBIT_PAID).get(0));
        assertEquals(new Balance(Credits.ZERO, Credits.ZERO, Credits.of(100)), connect());
        assertEquals(StripeEvents.Outcome.FLAGGED, f.deliver(sessionEvent("evt_short",
                "checkout.session.async_payment_succeeded", SimulatedCheckout.API_VERSION, purchase, 900, "gbp",
                "paid")));
        assertEquals(Purchase.Status.PAID, resolve(purchase, Outcome.CREDITED, "The bank shows £10.00").status());
        assertEquals(new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO), connect());
    }

    @Test
    @DisplayName("credited after review, the purchase is paid by the payment that flagged it, so a refund of that"
            + " payment takes its credits back")
    void refundAfterCredit() {
        Purchase purchase = flaggedPurchase();
        assertEquals("pi_test_1", resolve(purchase, Outcome.CREDITED, "Checked").paymentIntentId());
        assertEquals(StripeEvents.Outcome.APPLIED, f.deliver(PaymentReversalsTest.refunded("evt_refund", "pi_test_1",
                1000, 1000)));
        assertEquals(Purchase.Status.REFUNDED, f.reload(purchase).status());
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("a refund of the flagging payment that came before the review applies once finance credits the"
            + " purchase: paid, then refunded, its credits taken back")
    void refundBeforeCredit() {
        Purchase purchase = flaggedPurchase();
        f.deliver(PaymentReversalsTest.refunded("evt_refund_first", "pi_test_1", 1000, 1000));
        assertEquals(Purchase.Status.REFUNDED, resolve(purchase, Outcome.CREDITED, "Checked").status());
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("a payment that disagrees after the resolution flags the purchase again")
    void flaggedAgain() {
        Purchase purchase = flaggedPurchase();
        resolve(purchase, Outcome.DISMISSED, "Looked into it");
        assertEquals(StripeEvents.Outcome.FLAGGED, f.deliver(sessionEvent("evt_again", "checkout.session.completed",
                SimulatedCheckout.API_VERSION, purchase, 2, "gbp", "paid")));
        assertEquals(List.of(purchase.id()), flaggedIds());
        assertEquals(Outcome.CREDITED, resolve(purchase, Outcome.CREDITED, "Paid after all").resolution().outcome());
        assertEquals(new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO), connect());
    }

    @Test
    @DisplayName("six resolutions at once, credit and dismiss, resolve the purchase once: one succeeds, the others"
            + " are refused, and the credits are added at most once")
    void concurrent() throws Exception {
        Purchase purchase = flaggedPurchase();
        List<java.util.concurrent.Callable<Object>> work = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Outcome outcome = i % 2 == 0 ? Outcome.CREDITED : Outcome.DISMISSED;
            work.add(() -> {
                try {
                    return resolve(purchase, outcome, "at once");
                } catch (CreditsException e) {
                    return e.code();
                }
            });
        }
        List<Object> results = StripeEventsTest.runAll(work);
        List<Purchase> resolved = results.stream().filter(Purchase.class::isInstance).map(Purchase.class::cast).toList();
        assertEquals(1, resolved.size(), results::toString);
        assertTrue(results.stream().filter(ProblemCode.class::isInstance).allMatch(code -> code
                == ProblemCode.PURCHASE_NOT_FLAGGED || code == ProblemCode.PURCHASE_NOT_CREDITABLE), results::toString);
        Balance expected = resolved.get(0).resolution().outcome() == Outcome.CREDITED
                ? new Balance(Credits.of(100), Credits.ZERO, Credits.ZERO) : Balance.EMPTY;
        assertEquals(expected, connect());
        assertEquals(resolved.get(0).resolution(), f.reload(purchase).resolution());
    }
}
