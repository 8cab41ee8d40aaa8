package org.schoolcredits.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.schoolcredits.purchases.Fixture.ADMIN;
import static org.schoolcredits.purchases.Fixture.sessionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.purchases.SimulatedCheckout.Ending;
import org.schoolcredits.purchases.SimulatedCheckout.SignedEvent;
import org.schoolcredits.purchases.StripeEvents.Outcome;

/** Stripe's events, signed and verified as the webhook receives them, move purchases and credit them once. */
class StripeEventsTest {

    final Fixture f = new Fixture();

    @AfterEach
    void reconciles() {
        f.assertReconciled();
    }

    Purchase cardPurchase() {
        return f.buy(ADMIN, "connect-medium", "card");
    }

    Balance connect() {
        return f.balance(CreditType.CONNECT);
    }

    static Balance available(long credits) {
        return new Balance(Credits.of(credits), Credits.ZERO, Credits.ZERO);
    }

    static Balance pending(long credits) {
        return new Balance(Credits.ZERO, Credits.ZERO, Credits.of(credits));
    }

    @Test
    @DisplayName("a paid card checkout credits the package at once; the same event again credits nothing")
    void paid() {
        Purchase purchase = cardPurchase();
        SignedEvent completed = f.simulated.events(purchase, Ending.CARD_PAID).get(0);
        assertEquals(Outcome.APPLIED, f.deliver(completed));
        assertEquals(Outcome.DUPLICATE, f.deliver(completed));
        assertEquals(Purchase.Status.PAID, f.reload(purchase).status());
        assertNotNull(f.reload(purchase).paymentIntentId());
        assertEquals(available(100), connect());
        assertEquals("applied " + purchase.schoolId() + " " + purchase.id(), f.db.jdbc().one(
                "select outcome || ' ' || school_id || ' ' || purchase_id from stripe_event", rs -> rs.getString(1))
                .orElseThrow(), "what the event did, and to which purchase, is kept with it");
    }

    @Test
    @DisplayName("a Bacs Direct Debit shows pending credits when completed unpaid, available when it succeeds")
    void unpaidThenSucceeded() {
        Purchase purchase = cardPurchase();
        List<SignedEvent> events = f.simulated.events(purchase, Ending.BACS_DEBIT_PAID);
        assertEquals(Outcome.APPLIED, f.deliver(events.get(0)));
        assertEquals(Purchase.Status.PENDING, f.reload(purchase).status());
        assertEquals(pending(100), connect());
        assertEquals(Outcome.APPLIED, f.deliver(events.get(1)));
        assertEquals(Purchase.Status.PAID, f.reload(purchase).status());
        assertEquals(available(100), connect());
    }

    @Test
    @DisplayName("a Bacs Direct Debit that fails voids its pending credits and fails the purchase")
    void unpaidThenFailed() {
        Purchase purchase = cardPurchase();
        f.deliver(f.simulated.events(purchase, Ending.BACS_DEBIT_PAID).get(0));
        assertEquals(Outcome.APPLIED, f.deliver(f.simulated.events(purchase, Ending.FAILED).get(0)));
        assertEquals(Purchase.Status.FAILED, f.reload(purchase).status());
        assertEquals(Balance.EMPTY, connect());
        assertEquals(Outcome.UNCHANGED, f.deliver(sessionEvent("evt_late_success",
                "checkout.session.async_payment_succeeded", purchase, "paid")));
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("an expired session (Stripe's checkout.session.expired, after 24 hours unpaid) makes the purchase"
            + " expired, not cancelled; a completed event after it credits nothing")
    void expired() {
        Purchase purchase = cardPurchase();
        assertEquals(Outcome.APPLIED, f.deliver(sessionEvent("evt_expired", "checkout.session.expired", purchase,
                "unpaid")));
        assertEquals(Purchase.Status.EXPIRED, f.reload(purchase).status());
        assertEquals(Outcome.UNCHANGED, f.deliver(f.simulated.events(purchase, Ending.CARD_PAID).get(0)));
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("five concurrent deliveries of the same event credit once and tell the admins once")
    void concurrentDuplicates() throws Exception {
        Purchase purchase = cardPurchase();
        SignedEvent completed = f.simulated.events(purchase, Ending.CARD_PAID).get(0);
        List<Outcome> outcomes = runAll(5, () -> f.deliver(completed));
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.APPLIED).count(), outcomes::toString);
        assertEquals(4, outcomes.stream().filter(o -> o == Outcome.DUPLICATE).count(), outcomes::toString);
        assertEquals(available(100), connect());
        assertEquals(1, f.notices.size(), f.notices::toString);
        assertEquals(org.schoolcredits.purchases.PaymentSettled.Outcome.RECEIVED, f.notices.get(0).outcome());
        assertEquals("100 Connect credits", f.notices.get(0).packageName());
    }

    @Test
    @DisplayName("completed-unpaid and payment-succeeded delivered at once, five times each, credit once")
    void concurrentDifferentEvents() throws Exception {
        Purchase purchase = cardPurchase();
        List<SignedEvent> events = f.simulated.events(purchase, Ending.BACS_DEBIT_PAID);
        List<Callable<Outcome>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SignedEvent event = events.get(i % 2);
            work.add(() -> f.deliver(event));
        }
        runAll(work);
        assertEquals(Purchase.Status.PAID, f.reload(purchase).status());
        assertEquals(available(100), connect());
    }

    @Test
    @DisplayName("payment-succeeded before completed credits directly, and the later completed credits nothing")
    void reversedOrder() {
        Purchase purchase = cardPurchase();
        List<SignedEvent> events = f.simulated.events(purchase, Ending.BACS_DEBIT_PAID);
        assertEquals(Outcome.APPLIED, f.deliver(events.get(1)));
        assertEquals(available(100), connect());
        assertEquals(Outcome.UNCHANGED, f.deliver(events.get(0)));
        assertEquals(Outcome.UNCHANGED, f.deliver(f.simulated.events(purchase, Ending.CARD_PAID).get(0)));
        assertEquals(Purchase.Status.PAID, f.reload(purchase).status());
        assertEquals(available(100), connect());
    }

    @Test
    @DisplayName("an event whose amount or currency disagrees credits nothing and flags the purchase for review,"
            + " keeping every reason")
    void mismatch() {
        Purchase purchase = cardPurchase();
        assertEquals(Outcome.FLAGGED, f.deliver(sessionEvent("evt_cheap", "checkout.session.completed",
                SimulatedCheckout.API_VERSION, purchase, 1, "gbp", "paid")));
        assertEquals(Outcome.FLAGGED, f.deliver(sessionEvent("evt_euros", "checkout.session.async_payment_succeeded",
                SimulatedCheckout.API_VERSION, purchase, purchase.price().pence(), "eur", "paid")));
        Purchase flagged = f.reload(purchase);
        assertEquals(Purchase.Status.AWAITING_PAYMENT, flagged.status());
        assertEquals(2, flagged.flagReasons().size(), flagged.flagReasons()::toString);
        assertTrue(flagged.flagReasons().get(0).contains("evt_cheap"), flagged.flagReasons()::toString);
        assertTrue(flagged.flagReasons().get(1).contains("evt_euros"), flagged.flagReasons()::toString);
        assertEquals(List.of(flagged.id()), f.purchases.list(null, true).stream().map(Purchase::id).toList());
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("an unknown event type is stored with its payload, answered and ignored")
    void unknownType() {
        String payload = """
                {"id":"evt_customer","object":"event","api_version":"2026-07-29.dahlia","created":1762765200,
                 "type":"customer.created","data":{"object":{"id":"cus_1","object":"customer"}}}""";
        assertEquals(Outcome.IGNORED, f.deliver(payload));
        assertEquals(payload, f.db.jdbc().one("select payload from stripe_event where event_id = 'evt_customer'",
                rs -> rs.getString(1)).orElseThrow());
        assertEquals(Outcome.DUPLICATE, f.deliver(payload));
        assertEquals("ignored", f.db.jdbc().one("select outcome || coalesce(school_id, '') || coalesce("
                + "purchase_id::text, '') from stripe_event", rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    @DisplayName("an event of another API version is still read and credits the purchase")
    void otherApiVersion() {
        Purchase purchase = cardPurchase();
        for (String version : List.of("2020-08-27", "2024-06-20", "2025-03-31.basil")) {
            Purchase p = version.equals("2020-08-27") ? purchase : cardPurchase();
            assertEquals(Outcome.APPLIED, f.deliver(sessionEvent("evt_" + version, "checkout.session.completed",
                    version, p, p.price().pence(), "gbp", "paid")), version);
        }
        assertEquals(available(300), connect());
    }

    @Test
    @DisplayName("an event for a session this plugin did not open is stored and credits nothing")
    void unknownSession() {
        Purchase purchase = cardPurchase();
        String payload = sessionEvent("evt_elsewhere", "checkout.session.completed", purchase, "paid")
                .replace(purchase.checkoutSessionId(), "cs_test_someone_else");
        assertEquals(Outcome.UNKNOWN_SESSION, f.deliver(payload));
        assertEquals(Balance.EMPTY, connect());
        assertEquals(List.of(), f.reload(purchase).flagReasons());
    }

    static <T> List<T> runAll(int times, Callable<T> task) throws Exception {
        List<Callable<T>> work = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            work.add(task);
        }
        return runAll(work);
    }

    static <T> List<T> runAll(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
