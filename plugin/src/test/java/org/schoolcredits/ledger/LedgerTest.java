package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.PurchaseChecks;
import org.schoolcredits.storage.Jdbc;

class LedgerTest {

    static final String SCHOOL = "oakwood";
    static final Actor STAFF = new Actor("staff@oakwood", "Sam Oak");

    TestDatabase db;
    TestClock clock;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        db.run(() -> ledger.provision(SCHOOL));
    }

    @AfterEach
    void reconciles() {
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run(new PurchaseChecks());
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    /** Credits that never expire; purchases are reconciled against their purchase, so these are an adjustment. */
    void buy(String school, CreditType type, long credits) {
        db.run(() -> ledger.grant(new Grant(school, type, LotSource.ADJUSTMENT, "top-up:" + UUID.randomUUID(),
                Credits.of(credits), null, false, STAFF)));
    }

    /** A BACS purchase of 10 learner credits, as the purchases capability records one; returns its id. */
    String pendingPurchase() {
        UUID id = UUID.randomUUID();
        db.jdbc().update("insert into purchase (school_id, purchase_id, package_id, credit_type, credits, pence, method,"
                + " status, created_by_name, created_at, updated_at) values (?, ?, 'learner-10', 'learner', 10000, 4500,"
                + " 'bacs', 'pending', 'Sam Oak', now(), now())", SCHOOL, id);
        return id.toString();
    }

    Hold reserve(Feature feature, Credits price, String reference) {
        return db.tx(() -> ledger.reserve(SCHOOL, feature, 1, price, 1, reference,
                clock.now().plus(Duration.ofMinutes(15)), STAFF));
    }

    Balance connect() {
        return ledger.balance(SCHOOL, CreditType.CONNECT);
    }

    @Test
    @DisplayName("32 concurrent reservations of 1 credit against 10 hold exactly 10 and refuse 22")
    void concurrentReservations() throws Exception {
        buy(SCHOOL, CreditType.CONNECT, 10);
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String reference = "sms-" + i;
            work.add(() -> {
                try {
                    reserve(Feature.SMS, Credits.of(1), reference);
                } catch (InsufficientCreditsException e) {
                    refused.incrementAndGet();
                }
                return null;
            });
        }
        runAll(work);
        assertEquals(22, refused.get());
        assertEquals(new Balance(Credits.ZERO, Credits.of(10), Credits.ZERO), connect());
    }

    @Test
    @DisplayName("captures and releases interleaved with reservations keep every credit")
    void interleavedCaptureAndRelease() throws Exception {
        buy(SCHOOL, CreditType.CONNECT, 10);
        AtomicInteger captured = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int n = i;
            work.add(() -> {
                try {
                    Hold hold = reserve(Feature.SMS, Credits.of(1), "sms-" + n);
                    if (n % 2 == 0) {
                        db.run(() -> ledger.capture(SCHOOL, hold.id()));
                        captured.incrementAndGet();
                    } else {
                        db.run(() -> ledger.release(SCHOOL, hold.id(), STAFF));
                    }
                } catch (InsufficientCreditsException e) {
                    // refused: nothing changed
                }
                return null;
            });
        }
        runAll(work);
        assertEquals(Credits.of(10 - captured.get()), connect().available());
        assertEquals(Credits.ZERO, connect().held());
    }

    @Test
    @DisplayName("a capture leaves the balance row unlocked, and the held balance is the open holds")
    void captureDoesNotLockTheBalance() throws Exception {
        buy(SCHOOL, CreditType.CONNECT, 10);
        Hold first = reserve(Feature.SMS, Credits.of(2), "sms-1");
        reserve(Feature.SMS, Credits.of(3), "sms-2");
        assertEquals(new Balance(Credits.of(5), Credits.of(5), Credits.ZERO), connect());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            db.run(() -> {
                ledger.capture(SCHOOL, first.id());
                // still inside the capture's transaction: another one locks the balance row without waiting
                Future<Boolean> locked = other.submit(() -> {
                    try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
                        c.setAutoCommit(false);
                        boolean row = s.executeQuery("select 1 from balance where school_id = '" + SCHOOL + "'"
                                + " and credit_type = 'connect' for no key update nowait").next();
                        c.rollback();
                        return row;
                    }
                });
                try {
                    assertTrue(locked.get());
                } catch (Exception e) {
                    throw new AssertionError("the balance row was locked by the capture", e);
                }
            });
        } finally {
            other.shutdownNow();
        }
        assertEquals(new Balance(Credits.of(5), Credits.of(3), Credits.ZERO), connect());
    }

    @Test
    @DisplayName("1,000 SMS at 0.6 credits cost exactly 600 credits")
    void fractionalPricesAreExact() {
        buy(SCHOOL, CreditType.CONNECT, 1000);
        for (int i = 0; i < 1000; i++) {
            Hold hold = reserve(Feature.SMS, Credits.of(new java.math.BigDecimal("0.6")), "sms-" + i);
            db.run(() -> ledger.capture(SCHOOL, hold.id()));
        }
        assertEquals(Credits.of(400), connect().available());
    }

    @Test
    @DisplayName("a host action's reference is charged once: a second reserve with it is refused and holds nothing")
    void referenceChargedOnce() {
        buy(SCHOOL, CreditType.CONNECT, 20);
        reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(8), "check-1");
        assertCode(ProblemCode.REFERENCE_ALREADY_USED, () -> ledger.reserve(SCHOOL, Feature.DVLA_LICENCE_CHECK, 1,
                Credits.of(8), 1, "check-1", clock.now().plus(Duration.ofMinutes(15)), STAFF));
        assertEquals(new Balance(Credits.of(12), Credits.of(8), Credits.ZERO), connect());
    }

    @Test
    @DisplayName("a hold resolves once: a second capture or release answers with what happened")
    void holdResolvesOnce() {
        buy(SCHOOL, CreditType.CONNECT, 20);
        Hold captured = reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(8), "check-1");
        db.run(() -> ledger.capture(SCHOOL, captured.id()));
        assertCode(ProblemCode.HOLD_ALREADY_CAPTURED, () -> ledger.capture(SCHOOL, captured.id()));
        assertCode(ProblemCode.HOLD_ALREADY_CAPTURED, () -> ledger.release(SCHOOL, captured.id(), STAFF));

        Hold released = reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(8), "check-2");
        db.run(() -> ledger.release(SCHOOL, released.id(), STAFF));
        assertCode(ProblemCode.HOLD_ALREADY_RELEASED, () -> ledger.release(SCHOOL, released.id(), STAFF));
        assertCode(ProblemCode.HOLD_ALREADY_RELEASED, () -> ledger.capture(SCHOOL, released.id()));
        assertCode(ProblemCode.NOT_FOUND, () -> ledger.capture("riverside", released.id()));
        assertEquals(Credits.of(12), connect().available());
    }

    @Test
    @DisplayName("a hold left unsettled is released by the sweep, once, even when two sweeps run")
    void sweepReleasesExpiredHolds() throws Exception {
        buy(SCHOOL, CreditType.CONNECT, 10);
        for (int i = 0; i < 5; i++) {
            reserve(Feature.SMS, Credits.of(1), "sms-" + i);
        }
        clock.advance(Duration.ofMinutes(16));
        AtomicInteger swept = new AtomicInteger();
        List<Callable<Void>> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sweeps.add(() -> {
                swept.addAndGet(db.tx(() -> ledger.expireHolds(100)));
                return null;
            });
        }
        runAll(sweeps);
        assertEquals(5, swept.get());
        assertEquals(new Balance(Credits.of(10), Credits.ZERO, Credits.ZERO), connect());
    }

    @Test
    @DisplayName("spending takes the credits that expire first, and expiry writes off only what is left of them")
    void burnDownOrder() {
        buy(SCHOOL, CreditType.CONNECT, 50);
        Instant monthEnd = Instant.parse("2026-12-01T00:00:00Z");
        db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.CONNECT, LotSource.ALLOWANCE, "2026-11",
                Credits.of(100), monthEnd, false, Actor.SYSTEM)));
        Hold hold = reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(8), "check");
        db.run(() -> ledger.capture(SCHOOL, hold.id()));
        clock.set(monthEnd);
        assertEquals(1, db.tx(() -> ledger.expireLots(100)));
        assertEquals(0, db.tx(() -> ledger.expireLots(100)));
        assertEquals(Credits.of(50), connect().available());
        long writtenOff = db.jdbc().one("select amount from entry where kind = 'expiry'", rs -> rs.getLong(1)).orElseThrow();
        assertEquals(-92_000, writtenOff);
    }

    @Test
    @DisplayName("a usage takes the expiring lots, soonest first, then the pool of credits that never expire")
    void spendAcrossLots() {
        buy(SCHOOL, CreditType.CONNECT, 3);
        allowance("2026-12", 2, "2027-01-01T00:00:00Z");
        allowance("2026-11", 2, "2026-12-01T00:00:00Z");
        buy(SCHOOL, CreditType.CONNECT, 5);
        Hold hold = reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(8), "check");
        assertEquals(List.of("2026-11: took 2, left 0", "2026-12: took 2, left 0"), parts(hold));
        assertEquals(new Balance(Credits.of(4), Credits.of(8), Credits.ZERO), connect());
        db.run(() -> ledger.release(SCHOOL, hold.id(), STAFF));
        assertEquals(List.of("2026-11: took 2, left 2", "2026-12: took 2, left 2"), parts(hold));
        assertEquals(new Balance(Credits.of(12), Credits.ZERO, Credits.ZERO), connect());
        Hold fromThePool = reserve(Feature.DVLA_BIKE_CHECK, Credits.of(9), "bike");
        assertEquals(List.of("2026-11: took 2, left 0", "2026-12: took 2, left 0"), parts(fromThePool));
        assertEquals(new Balance(Credits.of(3), Credits.of(9), Credits.ZERO), connect());
        Hold poolOnly = reserve(Feature.SMS, Credits.of(2), "sms");
        assertEquals(List.of(), parts(poolOnly));
        assertEquals(new Balance(Credits.of(1), Credits.of(11), Credits.ZERO), connect());
    }

    @Test
    @DisplayName("the reconciliation finds expiring lots holding more than the balance")
    void reconciliationChecksLots() {
        allowance("2026-11", 10, "2026-12-01T00:00:00Z");
        buy(SCHOOL, CreditType.CONNECT, 5);
        Hold hold = reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(12), "check");
        db.run(() -> ledger.capture(SCHOOL, hold.id()));
        db.jdbc().update("update lot set remaining = amount where expires_at is not null");
        List<String> mismatches = new Reconciliation(db.jdbc()).run(new PurchaseChecks()).mismatches();
        assertEquals(List.of("oakwood/connect: balance available 3000 pending 0; entries available 3000 pending 0;"
                + " left of expiring lots 10000, brought by lasting lots 5000, pending lots 0"), mismatches);
        db.jdbc().update("update lot set remaining = 0 where expires_at is not null");
    }

    void allowance(String month, long credits, String expiresAt) {
        db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.CONNECT, LotSource.ALLOWANCE, month,
                Credits.of(credits), Instant.parse(expiresAt), false, Actor.SYSTEM)));
    }

    /** What the hold took from which expiring lot, and what is left of it, in the order the lots expire. */
    List<String> parts(Hold hold) {
        return db.jdbc().list("select l.reference, hl.amount, l.remaining from hold_lot hl"
                        + " join lot l using (school_id, lot_id) where hl.hold_id = ? order by l.expires_at",
                rs -> rs.getString(1) + ": took " + rs.getLong(2) / 1000 + ", left " + rs.getLong(3) / 1000,
                hold.id());
    }

    @Test
    @DisplayName("a spend that waited for the balance row takes from the lots as they are once it has the row")
    void spendWaitingForTheRowSeesLotsChangedMeanwhile() throws Exception {
        allowance("2026-11", 10, "2026-12-01T00:00:00Z");
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            Future<Hold> waited = db.tx(() -> {
                // this transaction spends 8 of the first lot and adds a second one, holding the row...
                ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-8), "correction", STAFF);
                ledger.grant(new Grant(SCHOOL, CreditType.CONNECT, LotSource.ALLOWANCE, "2026-12", Credits.of(10),
                        Instant.parse("2027-01-01T00:00:00Z"), false, Actor.SYSTEM));
                // ...while a reservation of 5 begins (10 available when it starts) and waits for the row
                Future<Hold> reservation = others.submit(() -> reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(5),
                        "check"));
                try {
                    others.submit(() -> awaitLockWaiters(1)).get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return reservation;
            });
            Hold hold = waited.get();
            assertEquals(List.of("2026-11: took 2, left 0", "2026-12: took 3, left 7"), parts(hold));
            assertEquals(new Balance(Credits.of(7), Credits.of(5), Credits.ZERO), connect());
        } finally {
            others.shutdownNow();
        }
    }

    /** Waits until {@code count} sessions wait for a row lock (outside any transaction of this thread). */
    Void awaitLockWaiters(int count) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (db.jdbc().one("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and datname = current_database()", rs -> rs.getInt(1)).orElse(0) >= count) {
                return null;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nobody waited for the balance row");
    }

    @Test
    @DisplayName("credits released after their lot expired are written off, not resurrected")
    void releaseIntoExpiredLot() {
        Instant monthEnd = Instant.parse("2026-12-01T00:00:00Z");
        db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.CONNECT, LotSource.ALLOWANCE, "2026-11",
                Credits.of(10), monthEnd, false, Actor.SYSTEM)));
        Hold hold = reserve(Feature.DVLA_LICENCE_CHECK, Credits.of(8), "check");
        clock.set(monthEnd);
        db.run(() -> ledger.expireLots(100));
        db.run(() -> ledger.release(SCHOOL, hold.id(), STAFF));
        assertEquals(Balance.EMPTY, connect());
    }

    @Test
    @DisplayName("pending credits show but cannot be spent, and settle once")
    void pendingLots() {
        String purchase = pendingPurchase();
        db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.LEARNER, LotSource.PURCHASE, purchase,
                Credits.of(10), null, true, STAFF)));
        assertEquals(new Balance(Credits.ZERO, Credits.ZERO, Credits.of(10)), ledger.balance(SCHOOL, CreditType.LEARNER));
        assertThrows(InsufficientCreditsException.class, () -> db.tx(() -> ledger.redeem(SCHOOL,
                Feature.LEARNER_REGISTRATION, Credits.of(1), 1, "learner", STAFF)));
        assertTrue(db.tx(() -> ledger.settlePending(SCHOOL, CreditType.LEARNER, LotSource.PURCHASE, purchase,
                true, Actor.SYSTEM)));
        assertEquals(false, db.tx(() -> ledger.settlePending(SCHOOL, CreditType.LEARNER, LotSource.PURCHASE,
                purchase, true, Actor.SYSTEM)));
        assertEquals(new Balance(Credits.of(10), Credits.ZERO, Credits.ZERO), ledger.balance(SCHOOL, CreditType.LEARNER));
        db.jdbc().update("update purchase set status = 'paid'"); // as clearing the purchase does with the credits
    }

    @Test
    @DisplayName("a grant with the same source and reference is applied once")
    void grantsApplyOnce() {
        Grant trial = new Grant(SCHOOL, CreditType.LEARNER, LotSource.TRIAL, "trial", Credits.of(1), null, false,
                Actor.SYSTEM);
        assertTrue(db.tx(() -> ledger.grant(trial)).isPresent());
        assertTrue(db.tx(() -> ledger.grant(trial)).isEmpty());
        assertEquals(Credits.of(1), ledger.balance(SCHOOL, CreditType.LEARNER).available());
    }

    @Test
    @DisplayName("an adjustment never takes a balance below zero")
    void adjustments() {
        buy(SCHOOL, CreditType.CONNECT, 5);
        assertCode(ProblemCode.BALANCE_WOULD_GO_NEGATIVE,
                () -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-6), "typo", Actor.SYSTEM));
        db.run(() -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-5), "refund by bank", Actor.SYSTEM));
        db.run(() -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(3), "goodwill", Actor.SYSTEM));
        assertEquals(Credits.of(3), connect().available());
    }

    @Test
    @DisplayName("an adjustment keeps its reason whether it adds or takes credits")
    void adjustmentReasons() {
        db.run(() -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(3), "goodwill for the outage", STAFF));
        db.run(() -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-1), "typo in the last one", STAFF));
        assertEquals(java.util.List.of("typo in the last one", "goodwill for the outage"), db.jdbc().list(
                "select reason from entry where school_id = ? and kind = 'adjustment' order by entry_id desc",
                rs -> rs.getString(1), SCHOOL));
    }

    @Test
    @DisplayName("the database refuses to change or delete an entry")
    void entriesAreAppendOnly() {
        buy(SCHOOL, CreditType.CONNECT, 5);
        Jdbc jdbc = db.jdbc();
        assertThrows(Jdbc.DatabaseException.class, () -> jdbc.update("update entry set amount = 0"));
        assertThrows(Jdbc.DatabaseException.class, () -> jdbc.update("delete from entry"));
        assertThrows(Jdbc.DatabaseException.class, () -> jdbc.update("truncate entry cascade"));
    }

    void assertCode(ProblemCode code, Runnable call) {
        CreditsException e = assertThrows(CreditsException.class, () -> db.run(call));
        assertEquals(code, e.code());
    }

    static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Void> future : pool.invokeAll(work)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
