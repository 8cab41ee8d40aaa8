package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/**
 * A seeded random walk through every ledger operation (TigerBeetle's simulator in miniature):
 * whatever the sequence, the reconciliation is clean, and the same seed writes the same ledger.
 * An operation may be refused only in the one way it can be (no credits, a hold expired by the
 * job, a correction below zero); any other exception fails the walk.
 */
class LedgerSimulationTest {

    static final List<String> SCHOOLS = List.of("oakwood", "riverside", "hillside");
    static final Credits[] PRICES = {Credits.of(new BigDecimal("0.6")), Credits.of(8), Credits.of(5)};
    static final Feature[] FEATURES = {Feature.SMS, Feature.DVLA_LICENCE_CHECK, Feature.DVLA_BIKE_CHECK};

    /** A refusal the walk expects: the operation's own refusal, counted; anything else is rethrown. */
    private enum Refusal { NO_CREDITS, HOLD_EXPIRED, BELOW_ZERO }

    @Test
    @DisplayName("10,000 random operations end with a clean reconciliation and the same ledger for the same seed")
    void randomOperations() {
        Map<Refusal, Integer> refusals = new EnumMap<>(Refusal.class);
        List<String> first = simulate(20261124L, 10_000, refusals);
        List<String> second = simulate(20261124L, 10_000, new EnumMap<>(Refusal.class));
        assertEquals(first.size(), second.size(), "entries written");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i), second.get(i), "entry " + i);
        }
        for (Refusal refusal : Refusal.values()) {
            assertTrue(refusals.getOrDefault(refusal, 0) > 0, "the walk met no " + refusal + " refusal: " + refusals);
        }
    }

    @Test
    @DisplayName("Actors spending, granting, releasing and expiring at once on the same schools leave a clean"
            + " reconciliation and balances equal to the sum of their entries")
    void concurrentActors() throws InterruptedException {
        TestDatabase db = TestDatabase.create();
        TestClock clock = new TestClock(Instant.parse("2026-10-01T00:00:00Z"));
        Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        db.run(() -> SCHOOLS.forEach(ledger::provision));
        int actors = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        Map<Refusal, Integer> refusals = new ConcurrentHashMap<>();
        AtomicInteger references = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            long seed = 7_000 + a;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    Random random = new Random(seed);
                    List<Hold> open = new ArrayList<>();
                    for (int i = 0; i < 400; i++) {
                        step(db, ledger, clock, random, open, references, refusals);
                    }
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }, "actor-" + a);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures, "unexpected failures of the actors");
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
        List<String> unequal = db.jdbc().list("select b.school_id || ' ' || b.credit_type || ': ' || b.available"
                + " || '/' || b.pending || ' against entries ' || coalesce(sum(e.amount), 0) || '/'"
                + " || coalesce(sum(e.pending_amount), 0) from balance b left join entry e"
                + " on e.school_id = b.school_id and e.credit_type = b.credit_type"
                + " group by b.school_id, b.credit_type, b.available, b.pending"
                + " having b.available <> coalesce(sum(e.amount), 0) or b.pending <> coalesce(sum(e.pending_amount), 0)",
                rs -> rs.getString(1));
        assertEquals(List.of(), unequal, "balances that differ from the sum of their entries");
        long entries = db.jdbc().one("select count(*) from entry where kind in ('usage', 'refund')",
                rs -> rs.getLong(1)).orElseThrow();
        assertTrue(entries > 100, "the actors spent and released: " + entries + " usage and refund entries");
    }

    /** Runs the walk on a fresh database; returns the ledger's entries as text, for comparison. */
    static List<String> simulate(long seed, int operations, Map<Refusal, Integer> refusals) {
        TestDatabase db = TestDatabase.create();
        TestClock clock = new TestClock(Instant.parse("2026-10-01T00:00:00Z"));
        Ledger ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        Random random = new Random(seed);
        List<Hold> open = new ArrayList<>();
        AtomicInteger references = new AtomicInteger();
        db.run(() -> SCHOOLS.forEach(ledger::provision));
        for (int i = 0; i < operations; i++) {
            step(db, ledger, clock, random, open, references, refusals);
        }
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
        return db.jdbc().list("select school_id, credit_type, kind, feature, amount, balance_after,"
                        + " status, reference from entry order by entry_id",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getString(7) + " "
                        + (rs.getString(8) == null || rs.getString(8).startsWith("adjustment:") ? "-" : rs.getString(8)));
    }

    /** One random operation by one actor, with the holds it opened and has not settled yet. */
    private static void step(TestDatabase db, Ledger ledger, TestClock clock, Random random, List<Hold> open,
                             AtomicInteger references, Map<Refusal, Integer> refusals) {
        String school = SCHOOLS.get(random.nextInt(SCHOOLS.size()));
        int dice = random.nextInt(100);
        if (dice < 40) {
            int f = random.nextInt(FEATURES.length);
            long quantity = 1 + random.nextInt(3);
            String reference = "action-" + references.getAndIncrement();
            try {
                open.add(db.tx(() -> ledger.reserve(school, FEATURES[f], quantity, PRICES[f], 1, reference,
                        clock.now().plus(Duration.ofMinutes(15)), Actor.SYSTEM)));
            } catch (InsufficientCreditsException refused) {
                refusals.merge(Refusal.NO_CREDITS, 1, Integer::sum);
            }
        } else if (dice < 60 && !open.isEmpty()) {
            Hold hold = open.remove(random.nextInt(open.size()));
            refusedIfExpired(() -> db.run(() -> ledger.capture(hold.schoolId(), hold.id())), refusals);
        } else if (dice < 75 && !open.isEmpty()) {
            Hold hold = open.remove(random.nextInt(open.size()));
            refusedIfExpired(() -> db.run(() -> ledger.release(hold.schoolId(), hold.id(), Actor.SYSTEM)), refusals);
        } else if (dice < 80) {
            clock.advance(Duration.ofMinutes(random.nextInt(30)));
            db.run(() -> ledger.expireHolds(1000));
            db.run(() -> ledger.expireLots(1000));
        } else if (dice < 90) {
            boolean allowance = random.nextBoolean();
            long amount = 1 + random.nextInt(100);
            Instant expires = allowance ? clock.now().plus(Duration.ofHours(1 + random.nextInt(48))) : null;
            String reference = "grant-" + references.getAndIncrement();
            db.run(() -> ledger.grant(new Grant(school, CreditType.CONNECT,
                    allowance ? LotSource.ALLOWANCE : LotSource.ADJUSTMENT, reference, Credits.of(amount),
                    expires, false, Actor.SYSTEM)));
        } else {
            long amount = random.nextInt(41) - 20;
            if (amount != 0) {
                try {
                    db.run(() -> ledger.adjust(school, CreditType.CONNECT, Credits.of(amount), "simulation",
                            Actor.SYSTEM));
                } catch (CreditsException refused) {
                    expect(refused, ProblemCode.BALANCE_WOULD_GO_NEGATIVE);
                    refusals.merge(Refusal.BELOW_ZERO, 1, Integer::sum);
                }
            }
        }
    }

    /** A hold this actor opened and never settled can only have been expired by the job meanwhile. */
    private static void refusedIfExpired(Runnable settle, Map<Refusal, Integer> refusals) {
        try {
            settle.run();
        } catch (CreditsException refused) {
            expect(refused, ProblemCode.HOLD_EXPIRED);
            refusals.merge(Refusal.HOLD_EXPIRED, 1, Integer::sum);
        }
    }

    private static void expect(CreditsException refused, ProblemCode expected) {
        if (refused.code() != expected) {
            throw new AssertionError("Expected a " + expected + " refusal, got " + refused.code() + ": "
                    + refused.getMessage(), refused);
        }
    }
}
