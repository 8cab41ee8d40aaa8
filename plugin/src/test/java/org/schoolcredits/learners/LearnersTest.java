package org.schoolcredits.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
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
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.history.History;
import org.schoolcredits.history.HistoryQuery;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.host.LearnerCredits.Registration;
import org.schoolcredits.host.LearnerDeleted;
import org.schoolcredits.host.LearnerRegistering;
import org.schoolcredits.host.SchoolEnabled;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.purchases.PurchaseChecks;
import org.schoolcredits.ledger.Wallets;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.storage.Jdbc;

class LearnersTest {

    static final String SCHOOL = "oakwood";
    static final Caller STAFF = new Caller(SCHOOL, "staff@oakwood", "Sam Oak", Set.of("credits.use"));

    TestDatabase db;
    Jdbc jdbc;
    Ledger ledger;
    Learners learners;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        jdbc = db.jdbc();
        TestClock clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(jdbc, clock, "http://localhost:8080");
        PriceList prices = new PriceList(db.entityManager(), clock);
        prices.set(Feature.LEARNER_REGISTRATION, Credits.of(1), Instant.EPOCH, Actor.SYSTEM);
        learners = new Learners(db.entityManager(), ledger, prices, new LearnerRefs(jdbc), clock, new RegistrationsInTransaction());
        db.run(() -> ledger.provision(SCHOOL));
    }

    @AfterEach
    void reconciles() {
        Reconciliation.Report report = new Reconciliation(jdbc).run(new PurchaseChecks());
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    /** Adds learner credits: available ones as a platform adjustment, pending ones as a BACS purchase. */
    void buy(long credits, boolean pending) {
        if (!pending) {
            db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.LEARNER, LotSource.ADJUSTMENT,
                    "adjustment:" + UUID.randomUUID(), Credits.of(credits), null, false, Actor.of(STAFF))));
            return;
        }
        UUID purchase = UUID.randomUUID();
        jdbc.update("insert into purchase (school_id, purchase_id, package_id, credit_type, credits, pence, method,"
                + " status, created_by_name, created_at, updated_at) values (?, ?, 'learner-10', 'learner', ?, 4500,"
                + " 'bacs', 'pending', 'Sam Oak', now(), now())", SCHOOL, purchase, credits * 1000);
        db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.LEARNER, LotSource.PURCHASE, purchase.toString(),
                Credits.of(credits), null, true, Actor.of(STAFF))));
    }

    Registration register(String learnerRef) {
        return db.tx(() -> learners.register(SCHOOL, learnerRef, STAFF));
    }

    Balance learnerBalance() {
        return ledger.balance(SCHOOL, CreditType.LEARNER);
    }

    long count(String sql) {
        return jdbc.one(sql, rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    @DisplayName("10 concurrent registrations with 3 credits redeem exactly 3 and veto 7, losing no credit")
    void concurrentRegistrations() throws Exception {
        buy(3, false);
        AtomicInteger vetoed = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String upn = "A00000000000" + i;
            work.add(() -> {
                try {
                    register(upn);
                } catch (InsufficientCreditsException e) {
                    vetoed.incrementAndGet();
                }
                return null;
            });
        }
        runTogether(work);
        assertEquals(7, vetoed.get());
        assertEquals(3, count("select count(*) from entry where kind = 'redemption'"));
        assertEquals(3, count("select count(*) from learner"), "a vetoed learner leaves no row");
        assertEquals(Balance.EMPTY, learnerBalance());
    }

    @Test
    @DisplayName("the same learner registered 8 times at once is charged once")
    void sameLearnerAtOnce() throws Exception {
        buy(5, false);
        AtomicInteger charged = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            work.add(() -> {
                if (register("B123456789012").charged()) {
                    charged.incrementAndGet();
                }
                return null;
            });
        }
        runTogether(work);
        assertEquals(1, charged.get());
        assertEquals(Credits.of(4), learnerBalance().available());
        assertEquals(1, count("select count(*) from entry where kind = 'redemption'"));
    }

    @Test
    @DisplayName("a learner deleted and registered again is not charged again, and is shown by reference again")
    void deleteAndRegisterAgain() {
        buy(2, false);
        Registration first = register("C123456789012");
        assertTrue(first.charged());
        assertTrue(db.tx(() -> learners.erase(SCHOOL, "C123456789012")));
        Registration again = register(" C123456789012 ");
        assertFalse(again.charged());
        assertEquals(new BigDecimal("1"), again.creditsRemaining());
        assertEquals(Credits.of(1), learnerBalance().available());
        assertEquals("C123456789012", jdbc.one("select learner_ref from learner", rs -> rs.getString(1)).orElseThrow());
        assertEquals(0, count("select count(*) from learner where deleted_at is not null"));
    }

    @Test
    @DisplayName("a learner registered before the school ran out of credits is registered again at 0, free")
    void registeredBeforeAtZero() {
        buy(1, false);
        register("D123456789012");
        db.run(() -> learners.deleted(new LearnerDeleted(SCHOOL, "D123456789012")));
        Registration again = db.tx(() -> {
            learners.registering(new LearnerRegistering(SCHOOL, "D123456789012", STAFF));
            return learners.registration(SCHOOL, "D123456789012");
        });
        assertFalse(again.charged());
        assertEquals(BigDecimal.ZERO, again.creditsRemaining());
        assertThrows(InsufficientCreditsException.class, () -> register("E123456789012"));
    }

    @Test
    @DisplayName("a school that disabled the plugin registers learners with no credit used and no veto, even at 0")
    void disabledSchoolIsNeitherChargedNorVetoed() {
        buy(1, false);
        db.run(() -> ledger.disable(SCHOOL));
        for (String upn : List.of("G123456789012", "H123456789012")) {
            Registration registration = db.tx(() -> {
                learners.registering(new LearnerRegistering(SCHOOL, upn, STAFF));
                return learners.registration(SCHOOL, upn);
            });
            assertFalse(registration.charged());
            assertEquals(Learners.NOT_ENABLED, registration.message());
        }
        assertEquals(Credits.of(1), learnerBalance().available());
        assertEquals(0, count("select count(*) from entry where school_id = 'oakwood' and kind = 'redemption'"));
    }

    @Test
    @DisplayName("after deletion no text column of the plugin's tables holds the learner's reference in clear")
    void deletionErasesTheReference() {
        buy(1, false);
        String upn = "F123456789012";
        register(upn);
        assertTrue(db.tx(() -> learners.erase(SCHOOL, upn)));
        String hash = jdbc.one("select ref_hash from learner", rs -> rs.getString(1)).orElseThrow();
        assertEquals(1, count("select count(*) from entry where reference = 'learner:" + hash + "'"),
                "the redemption refers to the learner by its hash");
        List<String[]> columns = jdbc.list("select table_name, column_name from information_schema.columns"
                        + " where table_schema = 'credits' and data_type in ('text', 'character varying', 'character')",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        assertTrue(columns.size() > 20, "every text column is looked at: " + columns.size());
        for (String[] column : columns) {
            long found = jdbc.one("select count(*) from credits.\"" + column[0] + "\" where \"" + column[1]
                    + "\" like ?", rs -> rs.getLong(1), "%" + upn + "%").orElseThrow();
            assertEquals(0, found, column[0] + "." + column[1]);
        }
        assertEquals(1, count("select count(*) from learner where learner_ref is null and deleted_at is not null"));
        assertEquals(Balance.EMPTY, learnerBalance(), "nothing is refunded");
    }

    @Test
    @DisplayName("the trial credit lets a newly enabled school register exactly one learner")
    void trialCredit() {
        String school = "brookside";
        Caller admin = new Caller(school, "admin@brookside", "Bea Brook", Set.of("credits.use", "credits.manage"));
        db.run(() -> new Wallets(ledger).enabled(new SchoolEnabled(school)));
        Registration first = db.tx(() -> learners.register(school, "G123456789012", admin));
        assertTrue(first.charged());
        assertEquals("Learner registered. You have 0 learner credits remaining."
                + " Buy more before you register another learner.", first.message());
        InsufficientCreditsException vetoed = assertThrows(InsufficientCreditsException.class,
                () -> db.tx(() -> learners.register(school, "H123456789012", admin)));
        assertEquals("http://localhost:8080/settings/credits", vetoed.topUpUrl());
        assertEquals(1, count("select count(*) from learner where school_id = 'brookside'"));
    }

    @Test
    @DisplayName("staff who used the last learner credit are told to ask a school admin, by name, not to buy")
    void staffAreSentToAnAdmin() {
        Credits price = Credits.of(1);
        assertEquals("Learner registered. You have 0 learner credits remaining. Ask a school admin to buy more"
                + " before you register another learner: Olivia Oak, Oscar Oak.",
                Learners.message(true, Credits.ZERO, price, List.of("Olivia Oak", "Oscar Oak")));
        assertEquals("Learner registered. You have 0 learner credits remaining. Ask a school admin to buy more"
                + " before you register another learner.", Learners.message(true, Credits.ZERO, price, List.of()));
        assertEquals("Learner registered. You have 0 learner credits remaining. Buy more before you register another"
                + " learner.", Learners.message(true, Credits.ZERO, price, null));
        buy(1, false);
        assertEquals("Learner registered. You have 0 learner credits remaining. Ask a school admin to buy more"
                + " before you register another learner.", register("J123456789012").message(),
                "a staff member without the host's directory hears of no admin by name");
    }

    @Test
    @DisplayName("learner credits bought by BACS or cheque cannot be redeemed until they clear")
    void pendingCreditsAreNotSpendable() {
        buy(5, true);
        assertThrows(InsufficientCreditsException.class, () -> register("J123456789012"));
        assertEquals(new Balance(Credits.ZERO, Credits.ZERO, Credits.of(5)), learnerBalance());
        assertEquals(0, count("select count(*) from learner"));
    }

    @Test
    @DisplayName("the host learns from the plugin how many credits remain, in a sentence for the user")
    void confirmation() {
        buy(3, false);
        Registration registration = db.tx(() -> {
            learners.registering(new LearnerRegistering(SCHOOL, "K123456789012", STAFF));
            return learners.registration(SCHOOL, "K123456789012");
        });
        assertTrue(registration.charged());
        assertEquals(new BigDecimal("2"), registration.creditsRemaining());
        assertEquals("Learner registered. You have 2 learner credits remaining.", registration.message());
        assertEquals("Learner registered. You have 1 learner credit remaining.", register("L123456789012").message());
        assertThrows(IllegalStateException.class, () -> learners.registration(SCHOOL, "M123456789012"));
    }

    @Test
    @DisplayName("a reference that is blank or longer than 200 characters is refused before anything is written")
    void invalidReference() {
        buy(1, false);
        assertThrows(CreditsException.class, () -> register("  "));
        assertThrows(CreditsException.class, () -> register("x".repeat(201)));
        assertEquals(Credits.of(1), learnerBalance().available());
        assertFalse(db.tx(() -> learners.erase(SCHOOL, "never-registered")));
    }

    /** Runs every task on its own thread, all starting at the same moment. */
    static void runTogether(List<Callable<Void>> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(work.size());
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Callable<Void>> synced = work.stream().<Callable<Void>>map(task -> () -> {
                start.await();
                return task.call();
            }).toList();
            for (Future<Void> future : pool.invokeAll(synced)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("the history shows a learner's reference, and \"Deleted learner\" once the learner is deleted")
    void historyShowsDeletedLearner() {
        buy(1, false);
        History history = new History(db.entityManager());
        HistoryQuery redemptions = new HistoryQuery(null, "LEARNER_REGISTRATION", null, null, null, null, 10);
        db.run(() -> learners.register(SCHOOL, "H123456789012", STAFF));
        assertEquals("H123456789012", history.rows(SCHOOL, redemptions).get(0).reference());
        db.run(() -> learners.erase(SCHOOL, "H123456789012"));
        assertEquals("Deleted learner", history.rows(SCHOOL, redemptions).get(0).reference());
    }
}
