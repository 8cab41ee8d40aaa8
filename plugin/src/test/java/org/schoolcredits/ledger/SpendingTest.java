package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.Actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;

class SpendingTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<Forecast.TopUp> CONNECT = List.of(new Forecast.TopUp("connect-large", Credits.of(500)),
            new Forecast.TopUp("connect-small", Credits.of(50)), new Forecast.TopUp("connect-medium", Credits.of(100)));

    final TestDatabase db = TestDatabase.create();
    final TestClock clock = new TestClock(Instant.parse("2026-07-01T09:00:00Z"));
    final Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
    final Actor staff = new Actor("staff@oakwood", "Sam Oak");
    final Spending spending = new Spending(db.jdbc());

    void setUp(long credits) {
        db.run(() -> ledger.provision("oakwood"));
        db.run(() -> ledger.grant(new Grant("oakwood", CreditType.CONNECT, LotSource.PURCHASE, "card", Credits.of(credits),
                null, false, staff)));
    }

    Hold charge(Instant at, Feature feature, long millis, boolean succeeded) {
        clock.set(at);
        Hold hold = db.tx(() -> ledger.reserve("oakwood", feature, 1, new Credits(millis), 1, null,
                at.plus(Duration.ofMinutes(15)), staff));
        if (succeeded) {
            db.run(() -> ledger.capture("oakwood", hold.id()));
        } else {
            db.run(() -> ledger.release("oakwood", hold.id(), staff));
        }
        return hold;
    }

    @Test
    @DisplayName("a usage at 23:30 UTC in London's summer time counts on the next day, a refunded one not at all")
    void daysOfTheSchoolsZone() {
        setUp(100);
        charge(Instant.parse("2026-07-10T23:30:00Z"), Feature.SMS, 600, true);
        charge(Instant.parse("2026-07-10T22:30:00Z"), Feature.SMS, 1200, true);
        charge(Instant.parse("2026-07-10T12:00:00Z"), Feature.DVLA_LICENCE_CHECK, 8000, false);

        List<Spending.Day> days = spending.perDay("oakwood", LONDON, LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-07-31"), null);
        assertEquals(List.of(new Spending.Day(LocalDate.parse("2026-07-10"), "SMS", CreditType.CONNECT, new Credits(1200)),
                new Spending.Day(LocalDate.parse("2026-07-11"), "SMS", CreditType.CONNECT, new Credits(600))), days);
        assertEquals(List.of(new Spending.Day(LocalDate.parse("2026-07-10"), "SMS", CreditType.CONNECT,
                new Credits(1800))), spending.perDay("oakwood", ZoneId.of("UTC"), LocalDate.parse("2026-07-10"),
                LocalDate.parse("2026-07-10"), CreditType.CONNECT));
        assertTrue(spending.perDay("oakwood", LONDON, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31"),
                CreditType.LEARNER).isEmpty());
    }

    @Test
    @DisplayName("no forecast without spending on at least three distinct days of the last 28")
    void noForecastWithoutHistory() {
        setUp(100);
        charge(Instant.parse("2026-07-10T09:00:00Z"), Feature.SMS, 6000, true);
        charge(Instant.parse("2026-07-11T09:00:00Z"), Feature.SMS, 6000, true);
        charge(Instant.parse("2026-07-12T09:00:00Z"), Feature.SMS, 6000, false);
        assertEquals(Optional.empty(), spending.forecast("oakwood", CreditType.CONNECT, Credits.of(88), LONDON,
                Instant.parse("2026-07-12T10:00:00Z"), CONNECT));
        charge(Instant.parse("2026-07-12T09:30:00Z"), Feature.SMS, 16000, true);
        assertEquals(Optional.of(new Forecast(77, new BigDecimal("1"), null)),
                spending.forecast("oakwood", CreditType.CONNECT, Credits.of(77), LONDON,
                        Instant.parse("2026-07-12T10:00:00Z"), CONNECT),
                "28 credits over 28 days: 1 a day, 77 left lasts 77 days, no top-up needed");
        assertEquals(Optional.empty(), spending.forecast("oakwood", CreditType.CONNECT, Credits.of(77), LONDON,
                Instant.parse("2026-08-08T10:00:00Z"), CONNECT), "spending older than 28 days does not count");
    }

    @Test
    @DisplayName("days left round down and the suggested package is the smallest that lasts 30 days")
    void daysLeftAndSuggestion() {
        Credits spent = Credits.of(84);
        assertEquals(new Forecast(4, new BigDecimal(3), "connect-medium"),
                Forecast.of(spent, 3, new Credits(14_500), CONNECT).orElseThrow(), "3 a day: 90 for 30 days, 75.5 short");
        assertEquals("connect-small", Forecast.of(spent, 5, Credits.of(40), CONNECT).orElseThrow().suggestedPackage());
        assertEquals("connect-large", Forecast.of(Credits.of(28 * 100), 20, Credits.ZERO, CONNECT).orElseThrow()
                .suggestedPackage(), "none covers 3,000: the largest");
        assertEquals(new BigDecimal("0.021"), Forecast.of(new Credits(600), 3, Credits.ZERO, CONNECT).orElseThrow()
                .dailyAverage(), "thousandths, rounded down");
        assertEquals(Optional.empty(), Forecast.of(new Credits(27), 3, Credits.of(1), CONNECT));
    }
}
