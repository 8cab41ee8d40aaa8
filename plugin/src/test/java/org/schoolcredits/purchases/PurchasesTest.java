package org.schoolcredits.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.schoolcredits.purchases.Fixture.ADMIN;
import static org.schoolcredits.purchases.Fixture.OTHER_ADMIN;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/** Ordering packages, and platform finance clearing or failing BACS and cheque payments. */
class PurchasesTest {

    static final Actor FINANCE = new Actor("finance@platform", "Fin Ance");

    final Fixture f = new Fixture();

    @AfterEach
    void reconciles() {
        f.assertReconciled();
    }

    Balance learner() {
        return f.balance(CreditType.LEARNER);
    }

    Purchase settle(Purchase purchase, boolean cleared) {
        return f.db.tx(() -> f.purchases.settle(purchase.id(), cleared, FINANCE));
    }

    void assertRefused(ProblemCode code, String field, Runnable call) {
        CreditsException e = assertThrows(CreditsException.class, () -> f.db.run(call));
        assertEquals(code, e.code());
        assertEquals(field, e.extensions().get("field"));
    }

    @Test
    @DisplayName("a card purchase awaits payment at the plugin's simulated checkout, at the package's price")
    void cardPurchase() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        assertEquals(Purchase.Status.AWAITING_PAYMENT, purchase.status());
        assertEquals(1000, purchase.price().pence());
        assertEquals(Credits.of(100), purchase.credits());
        assertTrue(purchase.checkoutSessionId().startsWith(SimulatedCheckout.SESSION_PREFIX));
        assertEquals("http://localhost:8080/api/credits/checkout/" + purchase.checkoutSessionId(), purchase.checkoutUrl());
        assertEquals(purchase.id(), f.simulated.purchase("oakwood", purchase.checkoutSessionId()).orElseThrow().id());
        assertNull(f.purchases.instructions(purchase));
        assertEquals(Balance.EMPTY, f.balance(CreditType.CONNECT));
    }

    @Test
    @DisplayName("with neither a Stripe key nor simulated payments a card purchase answers 503"
            + " payments_not_configured and records nothing, while BACS still works")
    void cardPaymentsNotConfigured() {
        Fixture closed = new Fixture(null, null, false);
        CreditsException e = assertThrows(CreditsException.class,
                () -> closed.purchases.create(ADMIN, "connect-medium", "card"));
        assertEquals(ProblemCode.PAYMENTS_NOT_CONFIGURED, e.code());
        assertEquals(503, e.code().status());
        assertEquals(List.of(), closed.purchases.list(null, null));
        assertEquals(Purchase.Status.PENDING, closed.buy(ADMIN, "learner-10", "bacs").status());
        assertTrue(closed.settings.cardRefusal().contains("CREDITS_SIMULATED_PAYMENTS"));
        assertNull(f.settings.cardRefusal(), "simulated payments allowed");
        closed.assertReconciled();
    }

    @Test
    @DisplayName("the simulated checkout exists only for the buying school, and not at all once simulation is off")
    void simulatedCheckoutOfItsSchoolOnly() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        assertTrue(f.simulated.purchase("riverside", purchase.checkoutSessionId()).isEmpty());
        SimulatedCheckout off = new SimulatedCheckout(new Fixture(null, null, false).settings, f.repository);
        assertTrue(off.purchase("oakwood", purchase.checkoutSessionId()).isEmpty());
    }

    @Test
    @DisplayName("a BACS purchase is pending at once, its credits pending, with the bank details and its reference")
    void bacsPurchase() {
        Purchase purchase = f.buy(ADMIN, "learner-10", "bacs");
        assertEquals(Purchase.Status.PENDING, purchase.status());
        assertNull(purchase.checkoutUrl());
        assertEquals("Bank transfer, reference " + BankReference.of("oakwood", purchase.id()),
                f.purchases.instructions(purchase));
        assertEquals(BankReference.of("oakwood", purchase.id()), purchase.bankReference());
        assertEquals(new Balance(Credits.ZERO, Credits.ZERO, Credits.of(10)), learner());
    }

    @Test
    @DisplayName("a cheque purchase is pending with the payee")
    void chequePurchase() {
        Purchase purchase = f.buy(ADMIN, "learner-25", "cheque");
        assertEquals(Purchase.Status.PENDING, purchase.status());
        assertTrue(f.purchases.instructions(purchase).startsWith("Cheque payable to School Credits Ltd"));
        assertEquals(Credits.of(25), learner().pending());
    }

    @Test
    @DisplayName("an unknown package or payment method is refused, naming the field, and nothing is recorded")
    void refusals() {
        assertRefused(ProblemCode.UNKNOWN_PACKAGE, "packageId", () -> f.purchases.create(ADMIN, "learner-7", "bacs"));
        assertRefused(ProblemCode.UNKNOWN_PAYMENT_METHOD, "method", () -> f.purchases.create(ADMIN, "learner-10", "cash"));
        assertRefused(ProblemCode.UNKNOWN_PAYMENT_METHOD, "method", () -> f.purchases.create(ADMIN, "learner-10", "CARD"));
        assertEquals(List.of(), f.purchases.list(null, null));
    }

    @Test
    @DisplayName("clearing a BACS purchase twice credits once; the second answers purchase_not_pending")
    void clearTwice() {
        Purchase purchase = f.buy(ADMIN, "learner-10", "bacs");
        assertEquals(Purchase.Status.PAID, settle(purchase, true).status());
        CreditsException again = assertThrows(CreditsException.class, () -> settle(purchase, true));
        assertEquals(ProblemCode.PURCHASE_NOT_PENDING, again.code());
        assertEquals(409, again.code().status());
        assertEquals(new Balance(Credits.of(10), Credits.ZERO, Credits.ZERO), learner());
    }

    @Test
    @DisplayName("a failed cheque takes its pending credits away, and cannot be cleared afterwards")
    void failCheque() {
        Purchase purchase = f.buy(ADMIN, "learner-10", "cheque");
        assertEquals(Purchase.Status.FAILED, settle(purchase, false).status());
        assertEquals(ProblemCode.PURCHASE_NOT_PENDING,
                assertThrows(CreditsException.class, () -> settle(purchase, true)).code());
        assertEquals(Balance.EMPTY, learner());
    }

    @Test
    @DisplayName("a card purchase settles through Stripe, never by finance")
    void cardNotClearedByFinance() {
        Purchase purchase = f.buy(ADMIN, "connect-small", "card");
        assertEquals(ProblemCode.PURCHASE_NOT_PENDING,
                assertThrows(CreditsException.class, () -> settle(purchase, true)).code());
        assertEquals(ProblemCode.NOT_FOUND,
                assertThrows(CreditsException.class, () -> f.purchases.settle(UUID.randomUUID(), true, FINANCE)).code());
    }

    @Test
    @DisplayName("a school sees its own purchases only; another school's id is not found")
    void otherSchool() {
        Purchase purchase = f.buy(ADMIN, "learner-10", "bacs");
        assertEquals(purchase.id(), f.purchases.find("oakwood", purchase.id()).orElseThrow().id());
        assertTrue(f.purchases.find("riverside", purchase.id()).isEmpty());
        assertTrue(Purchase.idOf("not-a-uuid").isEmpty());
    }

    @Test
    @DisplayName("the purchase checks find a paid purchase without its credits, and credits of a purchase not paid;"
            + " the ledger's own checks leave purchases to them")
    void reconciliationChecksPurchases() {
        Purchase uncredited = f.buy(ADMIN, "learner-10", "bacs");
        Purchase unpaid = settle(f.buy(ADMIN, "learner-1", "cheque"), true);
        var jdbc = f.db.jdbc();
        jdbc.update("update purchase set status = 'paid' where purchase_id = ?", uncredited.id());
        jdbc.update("update purchase set status = 'pending' where purchase_id = ?", unpaid.id());
        List<String> mismatches = new Reconciliation(jdbc).run(new PurchaseChecks()).mismatches();
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("paid purchase " + uncredited.id() + " has 0 credit")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("pending purchase " + unpaid.id() + " has 1 credit")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("credits one that is not paid")), mismatches::toString);
        assertEquals(3, mismatches.size(), mismatches::toString);
        assertEquals(List.of(), new Reconciliation(jdbc).run().mismatches(), "the ledger's checks alone");
        jdbc.update("update purchase set status = 'pending' where purchase_id = ?", uncredited.id());
        jdbc.update("update purchase set status = 'paid' where purchase_id = ?", unpaid.id());
    }

    @Test
    @DisplayName("finance lists the pending purchases of every school")
    void pendingListing() {
        Purchase oakwood = f.buy(ADMIN, "learner-10", "bacs");
        Purchase riverside = f.buy(OTHER_ADMIN, "connect-large", "cheque");
        Purchase card = f.buy(ADMIN, "connect-small", "card");
        settle(f.buy(ADMIN, "learner-1", "bacs"), true);
        assertEquals(Set.of(oakwood.id(), riverside.id()),
                Set.copyOf(f.purchases.list(Purchase.Status.PENDING, null).stream().map(Purchase::id).toList()));
        assertEquals(4, f.purchases.list(null, null).size());
        assertEquals(List.of(card.id()),
                f.purchases.list(Purchase.Status.AWAITING_PAYMENT, false).stream().map(Purchase::id).toList());
    }

    @Test
    @DisplayName("a school lists its own purchases, newest first, at most 50, each with its status and instructions")
    void recentPurchases() {
        Purchase bacs = f.buy(ADMIN, "learner-10", "bacs");
        f.clock.advance(java.time.Duration.ofMinutes(1));
        Purchase card = f.buy(ADMIN, "connect-medium", "card");
        f.buy(OTHER_ADMIN, "connect-large", "cheque");
        assertEquals(List.of(card.id(), bacs.id()), f.purchases.recent("oakwood").stream().map(Purchase::id).toList());
        assertEquals("Bank transfer, reference " + bacs.bankReference(),
                f.purchases.instructions(f.purchases.recent("oakwood").get(1)));
        for (int i = 0; i < Purchases.RECENT; i++) {
            f.clock.advance(java.time.Duration.ofSeconds(1));
            f.buy(ADMIN, "connect-small", "card");
        }
        List<Purchase> recent = f.purchases.recent("oakwood");
        assertEquals(Purchases.RECENT, recent.size());
        assertTrue(recent.stream().noneMatch(p -> p.id().equals(bacs.id()) || p.id().equals(card.id())));
        assertTrue(recent.get(0).createdAt().isAfter(recent.get(1).createdAt()));
    }
}
