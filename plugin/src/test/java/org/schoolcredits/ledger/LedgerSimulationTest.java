package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.problem.CreditsException;

/**
 * A seeded random walk through every ledger operation (TigerBeetle's simulator in miniature):
 * whatever the sequence, the reconciliation is clean, and the same seed writes the same ledger.
 */
class LedgerSimulationTest {

    static final List<String> SCHOOLS = List.of("oakwood", "riverside", "hillside");
    static final Credits[] PRICES = {Credits.of(new BigDecimal("0.6")), Credits.of(8), Credits.of(5)};
    static final Feature[] FEATURES = {Feature.SMS, Feature.DVLA_LICENCE_CHECK, Feature.DVLA_BIKE_CHECK};

    @Test
    @DisplayName("10,000 random operations end with a clean reconciliation and the same ledger for the same seed")
    void randomOperations() {
        List<String> first = simulate(20261124L, 10_000);
        List<String> second = simulate(20261124L, 10_000);
        assertEquals(first.size(), second.size(), "entries written");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i), second.get(i), "entry " + i);
        }
    }

    /** Runs the walk on a fresh database; returns the ledger's entries as text, for comparison. */
    static List<String> simulate(long seed, int operations) {
        TestDatabase db = TestDatabase.create();
        TestClock clock = new TestClock(Instant.parse("2026-10-01T00:00:00Z"));
        Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        Random random = new Random(seed);
        List<Hold> open = new ArrayList<>();
        int references = 0;
        db.run(() -> SCHOOLS.forEach(ledger::provision));
        for (int i = 0; i < operations; i++) {
            String school = SCHOOLS.get(random.nextInt(SCHOOLS.size()));
            int dice = random.nextInt(100);
            try {
                if (dice < 40) {
                    int f = random.nextInt(FEATURES.length);
                    long quantity = 1 + random.nextInt(3);
                    String reference = "action-" + references++;
                    open.add(db.tx(() -> ledger.reserve(school, FEATURES[f], quantity, PRICES[f], 1, reference,
                            clock.now().plus(Duration.ofMinutes(15)), Actor.SYSTEM)));
                } else if (dice < 60 && !open.isEmpty()) {
                    Hold hold = open.remove(random.nextInt(open.size()));
                    db.run(() -> ledger.capture(hold.schoolId(), hold.id()));
                } else if (dice < 75 && !open.isEmpty()) {
                    Hold hold = open.remove(random.nextInt(open.size()));
                    db.run(() -> ledger.release(hold.schoolId(), hold.id(), Actor.SYSTEM));
                } else if (dice < 80) {
                    clock.advance(Duration.ofMinutes(random.nextInt(30)));
                    db.run(() -> ledger.expireHolds(1000));
                    db.run(() -> ledger.expireLots(1000));
                } else if (dice < 90) {
                    boolean allowance = random.nextBoolean();
                    long amount = 1 + random.nextInt(100);
                    Instant expires = allowance ? clock.now().plus(Duration.ofHours(1 + random.nextInt(48))) : null;
                    String reference = "grant-" + references++;
                    db.run(() -> ledger.grant(new Grant(school, CreditType.CONNECT,
                            allowance ? LotSource.ALLOWANCE : LotSource.ADJUSTMENT, reference, Credits.of(amount),
                            expires, false, Actor.SYSTEM)));
                } else {
                    long amount = random.nextInt(41) - 20;
                    if (amount != 0) {
                        db.run(() -> ledger.adjust(school, CreditType.CONNECT, Credits.of(amount), "simulation",
                                Actor.SYSTEM));
                    }
                }
            } catch (InsufficientCreditsException | CreditsException refused) {
                // refused operations change nothing; the reconciliation below proves it
            }
        }
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
        return db.jdbc().list("select school_id, credit_type, kind, feature, amount, balance_after,"
                        + " status, reference from entry order by entry_id",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getString(7) + " "
                        + (rs.getString(8) == null || rs.getString(8).startsWith("adjustment:") ? "-" : rs.getString(8)));
    }

}
