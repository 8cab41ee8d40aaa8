package org.schoolcredits.purchases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.schoolcredits.purchases.Fixture.ADMIN;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * Stripe is called outside database transactions: a card purchase is committed before its Checkout
 * Session is opened and recorded after, a Stripe failure fails the purchase, and a session left
 * unrecorded by a crash is found by its expired event. WireMock speaks Stripe's API; while it
 * answers, it looks at the database from a connection of its own.
 */
class CheckoutStepsTest {

    /** What the database looked like, from another connection, while Stripe was being called. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static volatile Fixture watched;

    static final ResponseDefinitionTransformerV2 WATCH = new ResponseDefinitionTransformerV2() {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            SEEN.add(watched.db.jdbc().one("select (select string_agg(status || ' ' || coalesce(checkout_session_id,"
                    + " 'no session'), ', ') from purchase), (select count(*) from pg_stat_activity where datname ="
                    + " current_database() and state like 'idle in transaction%')",
                    rs -> rs.getString(1) + "; open transactions: " + rs.getLong(2)).orElseThrow());
            return event.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "watch-the-database";
        }
    };

    @RegisterExtension
    static WireMockExtension stripeApi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(WATCH)).build();

    final Fixture f = new Fixture("sk_test_key", stripeApi.baseUrl());

    {
        watched = f;
        SEEN.clear();
    }

    @AfterEach
    void reconciles() {
        f.assertReconciled();
    }

    void stubSession() {
        stubSession("cs_test_a1");
    }

    void stubSession(String id) {
        stripeApi.resetAll();
        stripeApi.stubFor(post("/v1/checkout/sessions").willReturn(okJson("""
                {"id":"%s","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/%s"}"""
                .formatted(id, id))));
    }

    @Test
    @DisplayName("while Stripe opens the checkout the purchase is already committed and no transaction is open;"
            + " the session is recorded after")
    void noTransactionDuringTheStripeCall() {
        stubSession();
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        assertEquals(List.of("awaiting_payment no session; open transactions: 0"), SEEN);
        assertEquals("cs_test_a1", f.reload(purchase).checkoutSessionId());
        assertEquals("https://checkout.stripe.com/c/pay/cs_test_a1", purchase.checkoutUrl());
    }

    @Test
    @DisplayName("when Stripe fails, the purchase fails with nothing credited, the answer is payment_provider_failed,"
            + " and the school can buy again at once")
    void stripeFailureFailsThePurchase() {
        stripeApi.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}")));
        CreditsException e = assertThrows(CreditsException.class, () -> f.buy(ADMIN, "connect-medium", "card"));
        assertEquals(ProblemCode.PAYMENT_PROVIDER_FAILED, e.code());
        Purchase failed = f.purchases.list(null, null).get(0);
        assertEquals(Purchase.Status.FAILED, failed.status());
        assertNull(failed.checkoutSessionId());
        assertEquals(Balance.EMPTY, f.balance(CreditType.CONNECT));

        stubSession();
        Purchase again = f.buy(ADMIN, "connect-medium", "card");
        assertEquals(Purchase.Status.AWAITING_PAYMENT, again.status());
        assertEquals("cs_test_a1", again.checkoutSessionId());
    }

    @Test
    @DisplayName("a session opened at Stripe but never recorded (a crash between the steps) is found by its purchase"
            + " id when it expires, and the purchase expires")
    void crashBetweenTheSteps() {
        stubSession();
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        f.db.jdbc().update("update purchase set checkout_session_id = null, checkout_url = null where purchase_id = ?",
                purchase.id());
        assertEquals(StripeEvents.Outcome.APPLIED,
                f.deliver(Fixture.sessionEvent("evt_expired", "checkout.session.expired", purchase, "unpaid")));
        Purchase expired = f.reload(purchase);
        assertEquals(Purchase.Status.EXPIRED, expired.status());
        assertEquals("cs_test_a1", expired.checkoutSessionId());
        assertEquals(Balance.EMPTY, f.balance(CreditType.CONNECT));
    }

    @Test
    @DisplayName("a card purchase whose session was never recorded (a crash before Stripe answered) expires after"
            + " an hour; one with its session waits for Stripe's own expiry")
    void unopenedCheckoutsExpire() {
        stubSession();
        Purchase opened = f.buy(ADMIN, "connect-medium", "card");
        stubSession("cs_test_b2");
        Purchase unopened = f.buy(ADMIN, "connect-small", "card");
        f.db.jdbc().update("update purchase set checkout_session_id = null, checkout_url = null where purchase_id = ?",
                unopened.id());
        f.clock.advance(CheckoutSteps.UNOPENED.minusSeconds(1));
        assertEquals(0, f.steps.expireUnopened());
        f.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(1, f.steps.expireUnopened());
        assertEquals(0, f.steps.expireUnopened());
        assertEquals(Purchase.Status.EXPIRED, f.reload(unopened).status());
        assertEquals(Purchase.Status.AWAITING_PAYMENT, f.reload(opened).status());
    }

    @Test
    @DisplayName("a paid purchase's receipt is read from Stripe with no transaction open")
    void receiptOutsideTransactions() {
        stubSession();
        stripeApi.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_test_1")).willReturn(okJson("""
                {"id":"pi_test_1","object":"payment_intent","latest_charge":{"id":"ch_1","object":"charge",
                 "receipt_url":"https://pay.stripe.com/receipts/r_1"}}""")));
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        f.deliver(Fixture.sessionEvent("evt_paid", "checkout.session.completed", purchase, "paid"));
        SEEN.clear();
        assertEquals("https://pay.stripe.com/receipts/r_1", f.asTheContainerRuns(() -> f.purchases.find("oakwood",
                purchase.id()), "find", String.class, java.util.UUID.class).orElseThrow().receiptUrl());
        assertEquals(List.of("paid cs_test_a1; open transactions: 0"), SEEN);
    }
}
