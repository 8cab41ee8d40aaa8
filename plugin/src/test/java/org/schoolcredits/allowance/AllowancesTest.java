package org.schoolcredits.allowance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.TestClock;
import org.schoolcredits.alerts.AlertEmails;
import org.schoolcredits.alerts.AlertSettingsRepository;
import org.schoolcredits.alerts.Outbox;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Plan;
import org.schoolcredits.host.PlanChanged;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.ledger.Reconciliation;

class AllowancesTest {

    static final String SCHOOL = "riverside";

    TestDatabase db;
    TestClock clock;
    Ledger ledger;
    Allowances allowances;
    AlertEmails emails;
    final Map<String, Plan> plans = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        clock = new TestClock(Instant.parse("2026-11-10T09:00:00Z"));
        ledger = new Ledger(db.jdbc(), clock, "http://localhost:8080");
        SchoolDirectory directory = new SchoolDirectory() {
            @Override
            public Optional<School> find(String id) {
                return Optional.of(new School(id, id, plans.getOrDefault(id, Plan.STANDARD), ZoneId.of("Europe/London"),
                        List.of("head@" + id + ".example.org")));
            }

            @Override
            public List<School> all() {
                return plans.keySet().stream().map(id -> find(id).orElseThrow()).toList();
            }
        };
        Outbox outbox = new Outbox(db.entityManager(), clock);
        AlertSettingsRepository settings = new AlertSettingsRepository(db.entityManager(), clock, new BigDecimal("2"),
                new BigDecimal("20"));
        emails = new AlertEmails(outbox, directory, ledger, settings);
        allowances = new Allowances(ledger, directory, clock, db.jdbc(), 100,
                grant -> emails.allowanceAdded(grant.schoolId(), grant.month(), grant.amount(), grant.expiresAt()));
        db.run(() -> ledger.provision(SCHOOL));
    }

    @AfterEach
    void reconciles() {
        Reconciliation.Report report = new Reconciliation(db.jdbc()).run();
        assertTrue(report.ok(), () -> String.join("\n", report.mismatches()));
    }

    Credits connect() {
        return ledger.balance(SCHOOL, CreditType.CONNECT).available();
    }

    void becomePro() {
        plans.put(SCHOOL, Plan.PRO);
        db.run(() -> allowances.planChanged(new PlanChanged(SCHOOL, Plan.PRO)));
    }

    @Test
    @DisplayName("a school that becomes Pro mid-month gets this month's 100 credits at once, once")
    void midMonth() {
        becomePro();
        becomePro();
        db.run(allowances::monthEnd);
        assertEquals(Credits.of(100), connect());
    }

    @Test
    @DisplayName("the month end on two instances at once writes one expiry and one new allowance")
    void monthEndOnTwoInstances() throws Exception {
        becomePro();
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(() -> db.tx(allowances::monthEnd));
        }
        int granted = 0;
        for (Future<Integer> result : pool.invokeAll(instances)) {
            granted += result.get();
        }
        pool.shutdown();
        assertEquals(1, granted);
        assertEquals(1, count("select count(*) from entry where kind = 'expiry'"));
        assertEquals(2, count("select count(*) from lot where source = 'allowance'"));
        assertEquals(Credits.of(100), connect());
    }

    @Test
    @DisplayName("only what is left of the allowance expires; credits without an expiry survive any number of month ends")
    void purchasedCreditsNeverExpire() {
        db.run(() -> ledger.grant(new Grant(SCHOOL, CreditType.CONNECT, LotSource.ADJUSTMENT, "adjustment-1",
                Credits.of(50), null, false, Actor.SYSTEM)));
        becomePro();
        db.run(() -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-30), "spent", Actor.SYSTEM));
        assertEquals(Credits.of(120), connect());
        for (String month : List.of("2026-12", "2027-01", "2027-02")) {
            clock.set(Instant.parse(month + "-01T00:00:00Z"));
            db.run(allowances::monthEnd);
        }
        assertEquals(Credits.of(150), connect(), "50 purchased + this month's 100");
        assertEquals(-70_000, db.jdbc().one("select amount from entry where kind = 'expiry' order by entry_id limit 1",
                rs -> rs.getLong(1)).orElseThrow(), "the first month end wrote off the 70 left of the allowance");
    }

    @Test
    @DisplayName("a new monthly grant e-mails the school's admins once, on becoming Pro and at each month start")
    void allowanceEmails() {
        becomePro();
        becomePro();
        assertEquals(1, count("select count(*) from outbox where kind = 'allowance_added'"));
        db.run(allowances::monthEnd);
        assertEquals(1, count("select count(*) from outbox where kind = 'allowance_added'"), "nothing new this month");
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        db.run(allowances::monthEnd);
        db.run(allowances::monthEnd);
        assertEquals(2, count("select count(*) from outbox where kind = 'allowance_added'"));
        assertEquals("head@riverside.example.org", db.jdbc().one("select recipient from outbox order by email_id desc"
                + " limit 1", rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    @DisplayName("a Pro school enabling the plugin gets its allowance without an e-mail")
    void enablingSendsNoEmail() {
        plans.put(SCHOOL, Plan.PRO);
        db.run(() -> allowances.enabled(new org.schoolcredits.host.SchoolEnabled(SCHOOL)));
        assertEquals(Credits.of(100), connect());
        assertEquals(0, count("select count(*) from outbox"));
    }

    @Test
    @DisplayName("months missed while the platform was down are not granted after it")
    void missedMonths() {
        becomePro();
        clock.set(Instant.parse("2027-03-15T12:00:00Z"));
        db.run(allowances::monthEnd);
        db.run(allowances::monthEnd);
        assertEquals(2, count("select count(*) from lot where source = 'allowance'"));
        assertEquals(Credits.of(100), connect());
    }

    @Test
    @DisplayName("a standard school gets no allowance")
    void standardSchool() {
        db.run(allowances::monthEnd);
        assertEquals(Credits.ZERO, connect());
    }

    @Test
    @DisplayName("the change to and from British Summer Time does not move the month boundary")
    void britishSummerTime() {
        AllowanceMonth march = AllowanceMonth.containing(Instant.parse("2027-03-31T22:59:59Z"));
        assertEquals("2027-03", march.reference());
        assertEquals(Instant.parse("2027-03-31T23:00:00Z"), march.end(), "April starts at midnight BST");
        assertEquals("2027-04", AllowanceMonth.containing(Instant.parse("2027-03-31T23:00:00Z")).reference());
        AllowanceMonth october = AllowanceMonth.containing(Instant.parse("2026-10-15T12:00:00Z"));
        assertEquals(Instant.parse("2026-09-30T23:00:00Z"), october.start());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), october.end(), "November starts at midnight GMT");
    }

    @Test
    @DisplayName("allowance credits past their end are never spent, even before the month-end job runs")
    void expiredAllowanceIsNotSpent() {
        becomePro();
        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        org.junit.jupiter.api.Assertions.assertThrows(org.schoolcredits.problem.CreditsException.class,
                () -> db.run(() -> ledger.adjust(SCHOOL, CreditType.CONNECT, Credits.of(-1), "spend", Actor.SYSTEM)));
        db.run(allowances::monthEnd);
        assertEquals(Credits.of(100), connect());
    }

    long count(String sql) {
        return db.jdbc().one(sql, rs -> rs.getLong(1)).orElseThrow();
    }
}
