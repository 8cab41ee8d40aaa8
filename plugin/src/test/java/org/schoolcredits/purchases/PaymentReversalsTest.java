package org.schoolcredits.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.schoolcredits.purchases.Fixture.ADMIN;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.history.History;
import org.schoolcredits.history.HistoryQuery;
import org.schoolcredits.history.HistoryRow;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.SimulatedCheckout.Ending;
import org.schoolcredits.purchases.StripeEvents.Outcome;

/**
 * Refunds and disputes made in Stripe reach the credits: each event once, in any order, and the
 * ledger reconciles after each. Events are shaped as Stripe's own fixtures ({@code stripe/openapi},
 * {@code openapi/fixtures3.json}: {@code charge}, {@code dispute}).
 */
class PaymentReversalsTest {

    final List<Fixture> fixtures = new ArrayList<>();
    final Fixture f = fixture();

    Fixture fixture() {
        Fixture fixture = new Fixture();
        fixtures.add(fixture);
        return fixture;
    }

    @AfterEach
    void reconciles() {
        fixtures.forEach(Fixture::assertReconciled);
    }

    /** A paid card purchase of connect-medium (100 credits, £10.00). */
    static Purchase paid(Fixture f, String packageId) {
        Purchase purchase = f.buy(ADMIN, packageId, "card");
        assertEquals(Outcome.APPLIED, f.deliver(f.simulated.events(purchase, Ending.CARD_PAID).get(0)));
        return f.reload(purchase);
    }

    static Credits connect(Fixture f) {
        return f.balance(CreditType.CONNECT).available();
    }

    static void spend(Fixture f, long credits) {
        f.db.run(() -> f.ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(-credits), "spent", Actor.SYSTEM));
    }

    static String event(String id, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":1762765200,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":%s}}""".formatted(id, type, object);
    }

    /** {@code charge.refunded}: the charge with its cumulative {@code amount_refunded}. */
    static String refunded(String eventId, String paymentIntent, long amount, long amountRefunded) {
        return event(eventId, "charge.refunded", """
                {"id":"ch_3PgafuB7WZ01zgkW1","object":"charge","amount":%d,"amount_captured":%d,"amount_refunded":%d,
                 "balance_transaction":"txn_1PgaxNB7WZ01zgkWEV3TLf40","captured":true,"created":1234567890,
                 "currency":"gbp","customer":null,"description":null,"disputed":false,"livemode":false,"metadata":{},
                 "paid":true,"payment_intent":"%s","payment_method":"pm_1PgaftB7WZ01zgkWm3waTcFp",
                 "receipt_url":"https://pay.stripe.com/receipts/payment/CAcaFwoV","refunded":%b,
                 "refunds":{"object":"list","data":[],"has_more":false,"url":"/v1/charges/ch_3PgafuB7WZ01zgkW1/refunds"},
                 "status":"succeeded"}""".formatted(amount, amount, amountRefunded, paymentIntent,
                amountRefunded == amount));
    }

    /** {@code charge.dispute.created} or {@code .closed}: the dispute with its status. */
    static String dispute(String eventId, String type, String paymentIntent, long amount, String status) {
        return event(eventId, type, """
                {"id":"dp_1Pgc71B7WZ01zgkWMevJiAUx","object":"dispute","amount":%d,"balance_transactions":[],
                 "charge":"ch_3PgafuB7WZ01zgkW1","created":1234567890,"currency":"gbp",
                 "evidence_details":{"due_by":1723679999,"has_evidence":false,"past_due":false,"submission_count":0},
                 "is_charge_refundable":false,"livemode":false,"metadata":{},"payment_intent":"%s",
                 "reason":"fraudulent","status":"%s"}""".formatted(amount, paymentIntent, status));
    }

    List<HistoryRow> history(Fixture f) {
        return new History(f.db.entityManager()).rows("oakwood", new HistoryQuery(null, null, null, null, null, null, 50));
    }

    @Test
    @DisplayName("a full refund takes back the purchase's unspent credits with an entry that says why; the same"
            + " event again changes nothing")
    void fullRefund() {
        Purchase purchase = paid(f, "connect-medium");
        String pi = purchase.paymentIntentId();
        assertEquals(Outcome.APPLIED, f.deliver(refunded("evt_refund", pi, 1000, 1000)));
        assertEquals(Outcome.DUPLICATE, f.deliver(refunded("evt_refund", pi, 1000, 1000)));
        Purchase after = f.reload(purchase);
        assertEquals(Purchase.Status.REFUNDED, after.status());
        assertEquals(Credits.of(100), after.takenBack());
        assertEquals(Credits.ZERO, after.owed());
        assertEquals(Credits.ZERO, connect(f));
        HistoryRow entry = history(f).get(0);
        assertEquals("reversal", entry.kind());
        assertEquals(-100, entry.amount().intValueExact());
        assertTrue(entry.reference().contains("refunded £10.00 of £10.00"), entry.reference());
        assertEquals(1, f.reversed.size());
        assertEquals("refunded", f.reversed.get(0).status());
    }

    @Test
    @DisplayName("what the school spent already is owed, never taken below zero, and shown to finance")
    void spentIsOwed() {
        Purchase purchase = paid(f, "connect-medium");
        spend(f, 60);
        assertEquals(Outcome.APPLIED, f.deliver(refunded("evt_refund", purchase.paymentIntentId(), 1000, 1000)));
        Purchase after = f.reload(purchase);
        assertEquals(Credits.of(40), after.takenBack());
        assertEquals(Credits.of(60), after.owed());
        assertEquals(Credits.ZERO, connect(f));
        Purchase listed = f.purchases.list(Purchase.Status.REFUNDED, null).get(0);
        assertEquals(Credits.of(60), listed.owed());
        assertEquals(Credits.of(60), f.reversed.get(0).owed());
    }

    @Test
    @DisplayName("a partial refund takes back its share of the credits, rounded down in the school's favour;"
            + " a second refund takes back the rest of what is now refunded")
    void partialRefund() {
        Purchase purchase = paid(f, "connect-large"); // 500 credits for £45.00
        String pi = purchase.paymentIntentId();
        assertEquals(Outcome.APPLIED, f.deliver(refunded("evt_refund_1", pi, 4500, 100)));
        assertEquals(new Credits(11_111), f.reload(purchase).takenBack(), "500 × 100 / 4500 = 11.1111");
        assertEquals(new Credits(488_889), connect(f));
        assertEquals(Outcome.APPLIED, f.deliver(refunded("evt_refund_2", pi, 4500, 2250)));
        assertEquals(Credits.of(250), f.reload(purchase).takenBack());
        assertEquals(Outcome.UNCHANGED, f.deliver(refunded("evt_refund_1_late", pi, 4500, 100)),
                "Stripe's amount_refunded is cumulative: an older event changes nothing");
        assertEquals(Credits.of(250), connect(f));
    }

    @Test
    @DisplayName("a dispute takes the credits back and marks the purchase disputed; won, the owed is forgiven,"
            + " the rest given back, and the purchase is paid again")
    void disputeWon() {
        Purchase purchase = paid(f, "connect-medium");
        String pi = purchase.paymentIntentId();
        spend(f, 60);
        assertEquals(Outcome.APPLIED, f.deliver(dispute("evt_dc", "charge.dispute.created", pi, 1000,
                "needs_response")));
        assertEquals(Purchase.Status.DISPUTED, f.reload(purchase).status());
        assertEquals(Credits.ZERO, connect(f));
        assertEquals(Outcome.APPLIED, f.deliver(dispute("evt_dx", "charge.dispute.closed", pi, 1000, "won")));
        Purchase after = f.reload(purchase);
        assertEquals(Purchase.Status.PAID, after.status());
        assertEquals(Credits.ZERO, after.takenBack());
        assertEquals(Credits.ZERO, after.owed());
        assertEquals(Credits.of(40), connect(f));
        assertEquals("reversal", history(f).get(0).kind());
        assertEquals(40, history(f).get(0).amount().intValueExact());
    }

    @Test
    @DisplayName("a Bacs indemnity claim arrives as a dispute already lost: the credits stay taken back")
    void indemnityClaim() {
        Purchase purchase = paid(f, "connect-medium");
        String pi = purchase.paymentIntentId();
        assertEquals(Outcome.APPLIED, f.deliver(dispute("evt_dc", "charge.dispute.created", pi, 1000, "lost")));
        assertEquals(Outcome.UNCHANGED, f.deliver(dispute("evt_dx", "charge.dispute.closed", pi, 1000, "lost")));
        assertEquals(Purchase.Status.DISPUTED, f.reload(purchase).status());
        assertEquals(Credits.of(100), f.reload(purchase).takenBack());
        assertEquals(Credits.ZERO, connect(f));
    }

    /** The end of one ordering: status, taken back, owed, balance. */
    record End(Purchase.Status status, Credits takenBack, Credits owed, Credits balance) {
    }

    End deliverInOrder(List<Integer> order, boolean completedLast) {
        Fixture fx = fixture();
        Purchase purchase = fx.buy(ADMIN, "connect-medium", "card");
        SimulatedCheckout.SignedEvent completed = fx.simulated.events(purchase, Ending.CARD_PAID).get(0);
        String pi = "pi_simulated_" + purchase.checkoutSessionId().substring(SimulatedCheckout.SESSION_PREFIX.length());
        if (!completedLast) {
            fx.deliver(completed);
            spend(fx, 30);
        }
        List<String> events = List.of(refunded("evt_r", pi, 1000, 400),
                dispute("evt_dc", "charge.dispute.created", pi, 600, "needs_response"),
                dispute("evt_dx", "charge.dispute.closed", pi, 600, "lost"));
        for (int i : order) {
            Outcome outcome = fx.deliver(events.get(i));
            assertTrue(outcome == (completedLast ? Outcome.UNKNOWN_PAYMENT : outcome), outcome::toString);
            fx.assertReconciled();
        }
        if (completedLast) {
            fx.deliver(completed);
        }
        Purchase p = fx.reload(purchase);
        return new End(p.status(), p.takenBack(), p.owed(), connect(fx));
    }

    @Test
    @DisplayName("a refund, a dispute opened and the dispute lost, in all six orders, end the same;"
            + " the same events before the payment's own completed event end the same too")
    void anyOrder() {
        End expected = new End(Purchase.Status.DISPUTED, Credits.of(70), Credits.of(30), Credits.ZERO);
        for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0))) {
            assertEquals(expected, deliverInOrder(order, false), order::toString);
        }
        assertEquals(new End(Purchase.Status.DISPUTED, Credits.of(100), Credits.ZERO, Credits.ZERO),
                deliverInOrder(List.of(2, 0, 1), true));
    }

    @Test
    @DisplayName("the completed event, a refund and a dispute delivered at once, several times each, apply once"
            + " and wait for each other instead of deadlocking")
    void concurrentDeliveries() throws Exception {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        SimulatedCheckout.SignedEvent completed = f.simulated.events(purchase, Ending.CARD_PAID).get(0);
        String pi = "pi_simulated_" + purchase.checkoutSessionId().substring(SimulatedCheckout.SESSION_PREFIX.length());
        String refund = refunded("evt_r", pi, 1000, 300);
        String opened = dispute("evt_dc", "charge.dispute.created", pi, 700, "needs_response");
        List<Outcome> outcomes = StripeEventsTest.runAll(List.of(() -> f.deliver(completed), () -> f.deliver(refund),
                () -> f.deliver(opened), () -> f.deliver(completed), () -> f.deliver(refund), () -> f.deliver(opened)));
        assertEquals(3, outcomes.stream().filter(o -> o == Outcome.DUPLICATE).count(), outcomes::toString);
        Purchase after = f.reload(purchase);
        assertEquals(Purchase.Status.DISPUTED, after.status());
        assertEquals(Credits.of(100), after.takenBack());
        assertEquals(Credits.ZERO, connect(f));
    }

    @Test
    @DisplayName("a dispute closed as won before its created event arrives takes nothing back")
    void wonBeforeCreated() {
        Purchase purchase = paid(f, "connect-medium");
        String pi = purchase.paymentIntentId();
        assertEquals(Outcome.UNCHANGED, f.deliver(dispute("evt_dx", "charge.dispute.closed", pi, 1000, "won")));
        assertEquals(Outcome.UNCHANGED, f.deliver(dispute("evt_dc", "charge.dispute.created", pi, 1000,
                "needs_response")));
        assertEquals(Purchase.Status.PAID, f.reload(purchase).status());
        assertEquals(Credits.of(100), connect(f));
    }

    @Test
    @DisplayName("a refund of a payment this plugin never took is stored and changes nothing")
    void unknownPayment() {
        paid(f, "connect-medium");
        assertEquals(Outcome.UNKNOWN_PAYMENT, f.deliver(refunded("evt_elsewhere", "pi_not_ours", 1000, 1000)));
        assertEquals(Credits.of(100), connect(f));
    }

    @Test
    @DisplayName("a signed checkout.session event whose object is not a session is a 400 and nothing is stored")
    void sessionEventWithoutSession() {
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        String charge = refunded("evt_x", "pi_x", 1000, 0).replace("charge.refunded", "checkout.session.completed");
        CreditsException e = assertThrows(CreditsException.class, () -> f.deliver(charge));
        assertEquals(ProblemCode.STRIPE_EVENT_INVALID, e.code());
        assertEquals(400, e.code().status());
        CreditsException notDispute = assertThrows(CreditsException.class, () -> f.deliver(
                refunded("evt_y", "pi_x", 1000, 0).replace("charge.refunded", "charge.dispute.created")));
        assertEquals(ProblemCode.STRIPE_EVENT_INVALID, notDispute.code());
        assertEquals(0, f.db.jdbc().one("select count(*) from stripe_event", rs -> rs.getInt(1)).orElseThrow());
        assertEquals(Purchase.Status.AWAITING_PAYMENT, f.reload(purchase).status());
    }
}
