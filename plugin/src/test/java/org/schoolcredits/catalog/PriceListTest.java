package org.schoolcredits.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestConfig;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.Feature;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.storage.Remembered;

class PriceListTest {

    static final long START = 1_000_000_000L;

    TestDatabase db;
    TestClock clock;
    PriceList prices;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        prices = new PriceList(db.entityManager(), clock);
        db.run(() -> prices.seedDefaults(TestConfig.empty()));
    }

    @Test
    @DisplayName("a price set through this instance counts at once, one set through another within a second")
    void versionsAreRememberedForASecond() {
        assertEquals(1, prices.inForce(Feature.SMS, START).version());
        db.run(() -> prices.set(Feature.SMS, Credits.of(new BigDecimal("0.9")), clock.now(), Actor.SYSTEM));
        assertEquals(Credits.of(new BigDecimal("0.9")), prices.inForce(Feature.SMS, START + 1).credits());
        // another instance sharing the database adds version 3
        db.jdbc().update("insert into price (feature, version, credits, effective_from, created_at, created_by)"
                + " values ('SMS', 3, 700, ?, ?, 'other instance')", clock.now(), clock.now());
        assertEquals(2, prices.inForce(Feature.SMS, START + Remembered.FOR).version());
        assertEquals(3, prices.inForce(Feature.SMS, START + 1 + 2 * Remembered.FOR).version());
    }

    @Test
    @DisplayName("a version set ahead of its date is in force exactly from then")
    void versionAhead() {
        Instant from = clock.now().plus(Duration.ofHours(1));
        db.run(() -> prices.set(Feature.DVLA_LICENCE_CHECK, Credits.of(9), from, Actor.SYSTEM));
        assertEquals(Credits.of(8), prices.inForce(Feature.DVLA_LICENCE_CHECK, START).credits());
        clock.set(from.minusMillis(1));
        assertEquals(Credits.of(8), prices.inForce(Feature.DVLA_LICENCE_CHECK, START).credits());
        clock.set(from);
        assertEquals(Credits.of(9), prices.inForce(Feature.DVLA_LICENCE_CHECK, START).credits());
        assertEquals(Credits.of(new BigDecimal("0.6")), prices.inForce(Feature.SMS, START).credits());
    }
}
