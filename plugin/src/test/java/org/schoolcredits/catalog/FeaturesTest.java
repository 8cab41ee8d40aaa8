package org.schoolcredits.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.history.History;
import org.schoolcredits.history.HistoryQuery;
import org.schoolcredits.history.HistoryRow;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.HostFeatures;
import org.schoolcredits.host.Metering;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.metering.MeteringService;
import org.schoolcredits.problem.CreditsException;

class FeaturesTest {

    static final Caller STAFF = new Caller("oakwood", "staff@oakwood", "Sam Oak", Set.of("credits.use"));
    static final Map<String, String> CONFIG = Map.of(Features.SETTING,
            "WHATSAPP:WhatsApp message:connect:1.2, SMS:Text message:connect:0.6");
    static final HostFeatures HOST = () -> List.of(
            Feature.of("PASSPORT_CHECK", "Passport check", CreditType.CONNECT, new BigDecimal("3")));

    TestDatabase db;
    TestClock clock;
    Ledger ledger;
    Features features;
    PriceList prices;
    MeteringService metering;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        features = new Features(Optional.of(CONFIG.get(Features.SETTING)), List.of(HOST));
        prices = new PriceList(db.entityManager(), clock, features);
        db.run(() -> prices.seedDefaults(TestConfig.of(CONFIG)));
        metering = new MeteringService(ledger, prices, clock, Duration.ofMinutes(15));
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(50), "top-up", Actor.SYSTEM);
        });
    }

    @ParameterizedTest(name = "{0}, registered by {1}")
    @CsvSource({"WHATSAPP, configuration, WhatsApp message, 1.2", "PASSPORT_CHECK, the SPI, Passport check, 3"})
    @DisplayName("a registered feature is priced from its registration, reserved, captured, repriced, and listed in"
            + " the history with its label and filtered by its code")
    void registeredFeatureWorksThroughout(String code, String by, String label, BigDecimal first) {
        Feature feature = features.require("feature", code);
        assertEquals(label, feature.label());
        assertEquals(Credits.of(first), prices.inForce(feature).credits());
        assertTrue(prices.allInForce().stream().anyMatch(price -> price.feature().equals(feature)), "GET /prices");

        Metering.Reservation held = db.tx(() -> metering.reserve(STAFF, feature, 2, code + "-1"));
        db.run(() -> metering.capture("oakwood", held.id()));
        assertEquals(first.multiply(BigDecimal.valueOf(2)).stripTrailingZeros(), held.amount().stripTrailingZeros());

        db.run(() -> prices.set(feature, Credits.of(new BigDecimal("4.5")), clock.now(), Actor.SYSTEM));
        clock.advance(Duration.ofSeconds(1));
        Metering.Reservation repriced = db.tx(() -> metering.reserve(STAFF, feature, 1, code + "-2"));
        assertEquals(new BigDecimal("4.5"), repriced.amount());
        db.run(() -> metering.release("oakwood", repriced.id()));

        List<HistoryRow> rows = new History(db.entityManager(), features).rows("oakwood",
                new HistoryQuery(null, code, null, null, null, null, 50));
        assertEquals(List.of("refund", "usage", "usage"), rows.stream().map(HistoryRow::kind).toList());
        assertTrue(rows.stream().allMatch(row -> row.feature().equals(code) && row.featureLabel().equals(label)));
    }

    @Test
    @DisplayName("the defaults stay registered and a setting may relabel one, keeping its price")
    void defaultsStay() {
        assertEquals(List.of("LEARNER_REGISTRATION", "SMS", "DVLA_LICENCE_CHECK", "DVLA_BIKE_CHECK", "PASSPORT_CHECK",
                "WHATSAPP"), features.all().stream().map(Feature::code).toList());
        assertEquals("Text message", features.require("feature", "SMS").label());
        assertEquals(Credits.of(8), prices.inForce(Feature.DVLA_LICENCE_CHECK).credits());
        assertEquals(Credits.of(new BigDecimal("0.6")), prices.inForce(Feature.SMS).credits());
    }

    @Test
    @DisplayName("an unknown feature is refused naming the field, and nothing is held")
    void unknownFeature() {
        CreditsException refused = assertThrows(CreditsException.class, () -> db.tx(() -> metering.reserve(STAFF,
                Feature.of("TELEGRAM", "Telegram", CreditType.CONNECT, BigDecimal.ONE), 1, "t-1")));
        assertEquals("feature", refused.extensions().get("field"));
        assertEquals(Credits.ZERO, ledger.balance("oakwood", CreditType.CONNECT).held());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"WHATSAPP:WhatsApp:connect", "whatsapp:WhatsApp:connect:1",
            "WHATSAPP:WhatsApp:gold:1", "WHATSAPP:WhatsApp:connect:0", "WHATSAPP:WhatsApp:connect:0.0001",
            "SMS:SMS:learner:1"})
    @DisplayName("a malformed CREDITS_FEATURES, or one that changes a feature's credit type, stops the start naming it")
    void malformedSetting(String setting) {
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> new Features(Optional.of(setting), List.of()));
        assertTrue(stopped.getMessage().contains(setting.startsWith("SMS") ? "SMS" : "CREDITS_FEATURES"),
                stopped.getMessage());
    }
}
