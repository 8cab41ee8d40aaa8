package org.schoolcredits.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.Metering;
import org.schoolcredits.host.SchoolNotEnabledException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.GroupCommit;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Reconciliation;

class MeteringServiceTest {

    static final Caller STAFF = new Caller("oakwood", "staff@oakwood", "Sam Oak", Set.of("credits.use"));

    TestDatabase db;
    TestClock clock;
    Ledger ledger;
    PriceList prices;
    MeteringService metering;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        prices = new PriceList(db.entityManager(), clock);
        db.run(() -> prices.seedDefaults(TestConfig.empty()));
        metering = new MeteringService(ledger, prices, clock, Duration.ofMinutes(15));
        db.run(() -> {
            ledger.provision("oakwood");
            ledger.adjust("oakwood", CreditType.CONNECT, Credits.of(10), "top-up", Actor.SYSTEM);
        });
    }

    @AfterEach
    void reconciles() {
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    @Test
    @DisplayName("called outside a transaction, reserve, capture and the one-call charge go through the group commit"
            + " and are committed when they return; inside one they roll back with it")
    void outsideATransactionThroughTheGroupCommit() {
        GroupCommit group = new GroupCommit(ledger, db, 2, 500, Thread::new);
        MeteringService grouped = new MeteringService(ledger, prices, clock, Duration.ofMinutes(15), group);
        try {
            Metering.Reservation held = grouped.reserve(STAFF, Feature.DVLA_LICENCE_CHECK, 1, "dvla-1");
            grouped.capture("oakwood", held.id());
            Metering.Reservation charged = grouped.charge(STAFF, Feature.SMS, 2, "sms-1");
            assertEquals(Hold.State.CAPTURED, ledger.findHold("oakwood", UUID.fromString(held.id())).orElseThrow().state());
            assertEquals(Hold.State.CAPTURED,
                    ledger.findHold("oakwood", UUID.fromString(charged.id())).orElseThrow().state());
            assertThrows(InsufficientCreditsException.class,
                    () -> grouped.reserve(STAFF, Feature.DVLA_LICENCE_CHECK, 1, "dvla-2"));
            assertThrows(IllegalStateException.class, () -> db.run(() -> {
                grouped.reserve(STAFF, Feature.SMS, 1, "sms-2");
                throw new IllegalStateException("the host rolls back");
            }));
            assertEquals(Credits.of(new BigDecimal("0.8")), ledger.balance("oakwood", CreditType.CONNECT).available());
        } finally {
            group.stop();
        }
    }

    @Test
    @DisplayName("a usage keeps the price it was reserved at when a new price takes effect before its capture")
    void usageKeepsItsPrice() {
        Metering.Reservation held = db.tx(() -> metering.reserve(STAFF, Feature.SMS, 1, "msg-1"));
        db.run(() -> prices.set(Feature.SMS, Credits.of(new BigDecimal("0.9")), clock.now(), Actor.SYSTEM));
        clock.advance(Duration.ofSeconds(1));
        db.run(() -> metering.capture("oakwood", held.id()));
        assertEquals(new BigDecimal("0.6"), held.amount());
        assertEquals(Credits.of(new BigDecimal("9.4")), ledger.balance("oakwood", CreditType.CONNECT).available());
        Metering.Reservation next = db.tx(() -> metering.reserve(STAFF, Feature.SMS, 1, "msg-2"));
        assertEquals(new BigDecimal("0.9"), next.amount());
        assertEquals(2, prices.inForce(Feature.SMS).version());
    }

    @Test
    @DisplayName("a bulk reservation the balance cannot cover holds nothing and says what the whole needs")
    void bulkIsAllOrNothing() {
        List<String> references = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "bulk-" + i).toList();
        InsufficientCreditsException refused = assertThrows(InsufficientCreditsException.class,
                () -> db.tx(() -> metering.reserveAll(STAFF, Feature.SMS, references)));
        assertEquals(new BigDecimal("12"), refused.required());
        assertEquals(new BigDecimal("10"), refused.available());
        assertEquals(Credits.of(10), ledger.balance("oakwood", CreditType.CONNECT).available());
    }

    @Test
    @DisplayName("a school that disabled the plugin is refused before anything is held, and keeps its credits")
    void disabledSchoolIsRefused() {
        db.run(() -> ledger.disable("oakwood"));
        assertFalse(metering.isEnabled("oakwood"));
        assertThrows(SchoolNotEnabledException.class, () -> db.tx(() -> metering.reserve(STAFF, Feature.SMS, 1, "m-1")));
        assertThrows(SchoolNotEnabledException.class,
                () -> db.tx(() -> metering.reserveAll(STAFF, Feature.SMS, List.of("m-2", "m-3"))));
        assertEquals(Credits.of(10), ledger.balance("oakwood", CreditType.CONNECT).available());
        assertEquals(Credits.ZERO, ledger.balance("oakwood", CreditType.CONNECT).held());
        assertFalse(metering.isEnabled("nowhere"), "a school that never enabled it");
    }
}
