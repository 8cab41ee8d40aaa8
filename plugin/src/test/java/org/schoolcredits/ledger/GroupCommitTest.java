package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

class GroupCommitTest {

    static final Actor STAFF = new Actor("staff@oakwood", "Sam Oak");

    TestDatabase db;
    TestClock clock;
    Ledger ledger;
    GroupCommit group;
    ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        group = new GroupCommit(ledger, db, 2, 500, Thread::new);
    }

    @AfterEach
    void reconciles() {
        group.stop();
        callers.shutdownNow();
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    @Test
    @DisplayName("Reserves from 16 threads on small balances of 5 schools: exactly the credits there are get held,"
            + " each other reserve gets its own 402, no balance goes below zero, and reserves share transactions")
    void concurrentReserves() throws Exception {
        List<String> schools = List.of("s1", "s2", "s3", "s4", "s5");
        schools.forEach(school -> school(school, 10));
        ConcurrentHashMap<String, AtomicInteger> held = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        String school = schools.get((thread + i) % schools.size());
                        try {
                            group.apply(reserve(school, 1, "t" + thread + "-" + i));
                            held.computeIfAbsent(school, s -> new AtomicInteger()).incrementAndGet();
                        } catch (InsufficientCreditsException e) {
                            refused.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (unexpected) {
                        unexpected.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), unexpected);
        for (String school : schools) {
            assertEquals(10, held.get(school).get(), school + ": holds");
            assertEquals(Credits.ZERO, ledger.balance(school, CreditType.CONNECT).available(), school);
        }
        assertEquals(16 * 20 - 50, refused.get(), "refused reserves");
        long transactions = db.jdbc().one("select count(distinct xmin::text) from hold", rs -> rs.getLong(1))
                .orElseThrow();
        assertTrue(transactions < 50, "50 holds in " + transactions + " transactions");
    }

    @Test
    @DisplayName("In one batch each reserve is decided in arrival order: the one that does not fit gets its 402,"
            + " the ones before and after it are held, all in one transaction")
    void arrivalOrder() throws Exception {
        school("oakwood", 6);
        List<CompletableFuture<Hold>> answers = whileWorkersWait(
                reserve("oakwood", 3, "a"), reserve("oakwood", 5, "b"), reserve("oakwood", 2, "c"));
        Hold a = answers.get(0).get(10, TimeUnit.SECONDS);
        assertRefused(answers.get(1), InsufficientCreditsException.class);
        Hold c = answers.get(2).get(10, TimeUnit.SECONDS);
        assertEquals(Credits.of(1), ledger.balance("oakwood", CreditType.CONNECT).available());
        assertEquals(1L, db.jdbc().one("select count(distinct xmin::text) from hold where school_id = 'oakwood'"
                + " and hold_id in (?, ?)", rs -> rs.getLong(1), a.id(), c.id()).orElseThrow(), "transactions");
    }

    @Test
    @DisplayName("A reference charged twice in one batch fails that batch's transaction, yet every other operation"
            + " of it is applied once and the repeat alone gets 409 reference_already_used")
    void failedBatchFallsBackOneByOne() throws Exception {
        school("oakwood", 10);
        Hold before = group.apply(reserve("oakwood", 1, "earlier"));
        List<CompletableFuture<Hold>> answers = whileWorkersWait(reserve("oakwood", 2, "r1"),
                new Operation.Capture("oakwood", before.id()), reserve("oakwood", 1, "r1"),
                reserve("oakwood", 3, "r2"));
        assertNotNull(answers.get(0).get(10, TimeUnit.SECONDS));
        assertEquals(Hold.State.CAPTURED, answers.get(1).get(10, TimeUnit.SECONDS).state());
        assertEquals(ProblemCode.REFERENCE_ALREADY_USED, assertRefused(answers.get(2), CreditsException.class).code());
        assertNotNull(answers.get(3).get(10, TimeUnit.SECONDS));
        assertEquals(Credits.of(4), ledger.balance("oakwood", CreditType.CONNECT).available());
        assertEquals(3L, count("select count(*) from hold where school_id = 'oakwood'"), "holds");
        assertEquals(3L, count("select count(*) from entry where school_id = 'oakwood' and kind = 'usage'"), "entries");
    }

    @Test
    @DisplayName("Replays answer as they do alone, inside a batch and across batches: a second capture 409"
            + " hold_already_captured, a reference again 409 reference_already_used, the others applied")
    void replays() throws Exception {
        school("oakwood", 10);
        Hold first = group.apply(reserve("oakwood", 1, "once"));
        List<CompletableFuture<Hold>> answers = whileWorkersWait(new Operation.Capture("oakwood", first.id()),
                new Operation.Capture("oakwood", first.id()), reserve("oakwood", 1, "next"));
        assertEquals(Hold.State.CAPTURED, answers.get(0).get(10, TimeUnit.SECONDS).state());
        assertEquals(ProblemCode.HOLD_ALREADY_CAPTURED, assertRefused(answers.get(1), CreditsException.class).code());
        assertNotNull(answers.get(2).get(10, TimeUnit.SECONDS));
        CreditsException again = assertThrows(CreditsException.class, () -> group.apply(reserve("oakwood", 1, "once")));
        assertEquals(ProblemCode.REFERENCE_ALREADY_USED, again.code());
        CreditsException captured = assertThrows(CreditsException.class,
                () -> group.apply(new Operation.Capture("oakwood", first.id())));
        assertEquals(ProblemCode.HOLD_ALREADY_CAPTURED, captured.code());
        assertEquals(Credits.of(8), ledger.balance("oakwood", CreditType.CONNECT).available());
    }

    @Test
    @DisplayName("Inside the caller's transaction a reserve is made there and rolls back with it")
    void callersTransaction() {
        school("oakwood", 10);
        assertThrows(IllegalStateException.class, () -> db.run(() -> {
            group.apply(reserve("oakwood", 4, "host"));
            assertEquals(Credits.of(6), ledger.balance("oakwood", CreditType.CONNECT).available());
            throw new IllegalStateException("the host rolls back");
        }));
        assertEquals(Credits.of(10), ledger.balance("oakwood", CreditType.CONNECT).available());
        assertEquals(0L, count("select count(*) from hold"), "holds");
        assertEquals(0, group.queued());
    }

    @Test
    @DisplayName("A one-call charge through the group commit is captured at once")
    void charge() {
        school("oakwood", 10);
        Operation.Reserve charge = new Operation.Reserve("oakwood", Feature.SMS, 2, Credits.of(1), 1, "charge",
                clock.now().plus(Duration.ofMinutes(15)), STAFF, true);
        Hold hold = group.apply(charge);
        assertEquals(Hold.State.CAPTURED, ledger.findHold("oakwood", hold.id()).orElseThrow().state());
        assertEquals(Credits.of(8), ledger.balance("oakwood", CreditType.CONNECT).available());
    }

    /**
     * Queues {@code operations} in this order while both workers are busy (each waiting, in the
     * database, for a balance row this test holds locked), then lets them go: the operations make one batch.
     */
    private List<CompletableFuture<Hold>> whileWorkersWait(Operation... operations) throws Exception {
        school("blocker", 10);
        try (Connection lock = db.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("select 1 from balance where school_id = 'blocker' for update");
            List<CompletableFuture<Hold>> blocked = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                blocked.add(submit(reserve("blocker", 1, "blocked-" + worker)));
                int waiting = worker + 1;
                waitFor(() -> (int) count("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock'"), waiting);
            }
            List<CompletableFuture<Hold>> answers = new ArrayList<>();
            for (int i = 0; i < operations.length; i++) {
                answers.add(submit(operations[i]));
                waitFor(() -> group.queued(), i + 1);
            }
            lock.commit();
            for (CompletableFuture<Hold> answer : blocked) {
                answer.get(10, TimeUnit.SECONDS);
            }
            return answers;
        }
    }

    private CompletableFuture<Hold> submit(Operation operation) {
        return CompletableFuture.supplyAsync(() -> group.apply(operation), callers);
    }

    private static void waitFor(IntSupplier value, int expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsInt() != expected) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited for " + expected + ", have " + value.getAsInt());
            }
            Thread.sleep(5);
        }
    }

    private static <T extends RuntimeException> T assertRefused(CompletableFuture<Hold> answer, Class<T> type) {
        Throwable thrown = assertThrows(Exception.class, () -> answer.get(10, TimeUnit.SECONDS)).getCause();
        return assertInstanceOf(type, thrown);
    }

    private Operation.Reserve reserve(String school, long credits, String reference) {
        return new Operation.Reserve(school, Feature.SMS, credits, Credits.of(1), 1, reference,
                clock.now().plus(Duration.ofMinutes(15)), STAFF, false);
    }

    private void school(String school, long credits) {
        db.run(() -> {
            ledger.provision(school);
            ledger.grant(new Grant(school, CreditType.CONNECT, LotSource.ADJUSTMENT, "seed:" + UUID.randomUUID(),
                    Credits.of(credits), null, false, STAFF));
        });
    }

    private long count(String sql) {
        return db.jdbc().one(sql, rs -> rs.getLong(1)).orElseThrow();
    }
}
