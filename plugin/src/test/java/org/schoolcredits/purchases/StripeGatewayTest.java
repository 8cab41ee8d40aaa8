package org.schoolcredits.purchases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.schoolcredits.purchases.Fixture.ADMIN;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.SimulatedCheckout.SignedEvent;

/** The gateway against a WireMock server speaking Stripe's API, and its checks of webhook signatures. */
class StripeGatewayTest {

    @RegisterExtension
    static WireMockExtension stripeApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Fixture f = new Fixture("sk_test_key", stripeApi.baseUrl());

    @AfterEach
    void reconciles() {
        f.assertReconciled();
    }

    void stubSession() {
        stripeApi.stubFor(post("/v1/checkout/sessions").willReturn(okJson("""
                {"id":"cs_test_a1","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_a1"}""")));
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    @DisplayName("a Checkout Session is opened at the package's own price in GBP, with the purchase's metadata,"
            + " return URLs, payment methods and an idempotency key fixed per purchase")
    void opensSession() {
        stubSession();
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        assertEquals("cs_test_a1", purchase.checkoutSessionId());
        assertEquals("https://checkout.stripe.com/c/pay/cs_test_a1", purchase.checkoutUrl());
        f.stripe.openSession(purchase);

        List<LoggedRequest> requests = stripeApi.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
        assertEquals(2, requests.size());
        String id = purchase.id().toString();
        for (LoggedRequest request : requests) {
            assertEquals("checkout-" + id, request.getHeader("Idempotency-Key"));
            assertEquals("Bearer sk_test_key", request.getHeader("Authorization"));
            assertEquals(new TreeMap<>(Map.ofEntries(
                    Map.entry("mode", "payment"),
                    Map.entry("line_items[0][quantity]", "1"),
                    Map.entry("line_items[0][price_data][currency]", "gbp"),
                    Map.entry("line_items[0][price_data][unit_amount]", "1000"),
                    Map.entry("line_items[0][price_data][product_data][name]", "100 connect credits"),
                    Map.entry("payment_method_types[0]", "card"),
                    Map.entry("payment_method_types[1]", "bacs_debit"),
                    Map.entry("client_reference_id", id),
                    Map.entry("metadata[school_id]", "oakwood"),
                    Map.entry("metadata[purchase_id]", id),
                    Map.entry("metadata[package_id]", "connect-medium"),
                    Map.entry("success_url", "http://localhost:8080/settings/credits?purchase=" + id),
                    Map.entry("cancel_url", "http://localhost:8080/settings/credits?purchase=" + id + "&cancelled=true"))),
                    form(request));
        }
    }

    @Test
    @DisplayName("when Stripe refuses the session, the purchase fails with no session and the answer is"
            + " payment_provider_failed")
    void stripeRefuses() {
        stripeApi.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid currency\"}}")));
        CreditsException e = assertThrows(CreditsException.class, () -> f.buy(ADMIN, "connect-medium", "card"));
        assertEquals(ProblemCode.PAYMENT_PROVIDER_FAILED, e.code());
        assertEquals(List.of(Purchase.Status.FAILED), f.purchases.list(null, null).stream().map(Purchase::status).toList());
    }

    @Test
    @DisplayName("a paid card purchase shows Stripe's receipt, read once")
    void receipt() {
        stubSession();
        stripeApi.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_test_1")).willReturn(okJson("""
                {"id":"pi_test_1","object":"payment_intent","latest_charge":{"id":"ch_1","object":"charge",
                 "receipt_url":"https://pay.stripe.com/receipts/r_1"}}""")));
        Purchase purchase = f.buy(ADMIN, "connect-medium", "card");
        f.deliver(Fixture.sessionEvent("evt_paid", "checkout.session.completed", purchase, "paid"));
        for (int i = 0; i < 2; i++) {
            assertEquals("https://pay.stripe.com/receipts/r_1",
                    f.asTheContainerRuns(() -> f.purchases.find("oakwood", purchase.id()), "find", String.class,
                            java.util.UUID.class).orElseThrow().receiptUrl());
        }
        List<LoggedRequest> reads = stripeApi.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_test_1")));
        assertEquals(1, reads.size());
        assertEquals(List.of("latest_charge"), reads.get(0).queryParameter("expand[0]").values());
    }

    @Test
    @DisplayName("the simulated checkout's events claim the API version of the Stripe library in use")
    void simulatedApiVersion() {
        assertEquals(com.stripe.Stripe.API_VERSION, SimulatedCheckout.API_VERSION);
    }

    // ---- webhook signatures

    static final String EVENT = """
            {"id":"evt_sig","object":"event","api_version":"2026-07-29.dahlia","created":1762765200,
             "type":"customer.created","data":{"object":{"id":"cus_1","object":"customer"}}}""";

    void assertRefused(String payload, String header) {
        CreditsException e = assertThrows(CreditsException.class, () -> f.stripe.verify(payload, header));
        assertEquals(ProblemCode.WEBHOOK_SIGNATURE_INVALID, e.code());
        assertEquals(400, e.code().status());
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    @DisplayName("a signature up to 300 seconds old or ahead is accepted")
    void withinTolerance() {
        for (long t : new long[] {now() - 290, now(), now() + 290}) {
            SignedEvent event = Fixture.sign(EVENT, t);
            assertEquals("evt_sig", f.stripe.verify(event.payload(), event.signature()).id());
        }
    }

    @Test
    @DisplayName("a tampered body, a wrong secret, a stale or future timestamp, or no signature is refused with 400")
    void refused() {
        SignedEvent good = Fixture.sign(EVENT, now());
        assertRefused(EVENT.replace("cus_1", "cus_2"), good.signature());
        assertRefused(EVENT, Fixture.sign(EVENT, "whsec_someone_else", now()).signature());
        assertRefused(EVENT, Fixture.sign(EVENT, now() - 301).signature());
        assertRefused(EVENT, Fixture.sign(EVENT, now() + 301).signature());
        assertRefused(EVENT, null);
        assertRefused(EVENT, "v1=" + good.signature().substring(good.signature().indexOf("v1=") + 3));
        assertRefused(EVENT, "t=soon," + good.signature().substring(good.signature().indexOf("v1=")));
        assertRefused("not json", Fixture.sign("not json", now()).signature());
    }

    @Test
    @DisplayName("with Stripe live and no webhook secret configured, every event is refused as unavailable")
    void noWebhookSecret() {
        PurchaseSettings settings = new PurchaseSettings(new org.schoolcredits.links.HostLinks("http://localhost:8080", "/settings/credits"), Optional.of("sk_test_key"),
                false, Optional.empty(), Optional.of(stripeApi.baseUrl()), List.of("card"), "", "");
        SignedEvent event = Fixture.sign(EVENT, now());
        CreditsException e = assertThrows(CreditsException.class,
                () -> new StripeGateway(settings).verify(event.payload(), event.signature()));
        assertEquals(ProblemCode.SERVICE_UNAVAILABLE, e.code());
    }
}
