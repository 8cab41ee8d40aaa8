package org.schoolcredits.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.schoolcredits.alerts.AlertEmails;
import org.schoolcredits.alerts.AlertSettingsRepository;
import org.schoolcredits.alerts.LowBalanceAlerts;
import org.schoolcredits.alerts.Outbox;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.Metering;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Grant;
import org.schoolcredits.ledger.GroupCommit;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.LotSource;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.purchases.PurchaseChecks;
import org.schoolcredits.metering.MeteringService;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Jdbc;

/**
 * Deductions through the plugin's Java API, outside a container: the real {@link MeteringService},
 * {@link PriceList}, {@link Ledger}, {@link GroupCommit} (2 workers, {@code BENCH_GROUP_WORKERS}) and
 * {@link LowBalanceAlerts} over one connection per thread, with transactions the way the container runs them. A deduction is a reserve of one SMS at 1 credit,
 * then its capture, each called outside a transaction as a host does around an action, so each
 * goes through the group commit and is answered once its batch has committed.
 */
final class ApiBench {

    static final String DATABASE = "bench_api";
    static final int SCHOOLS = 1000;
    static final String HOT = "hot-school";

    private final ThreadConnections db;
    private final MeteringService metering;
    private final Caller[] staff = new Caller[SCHOOLS];
    private final Caller hotStaff = staffOf(HOT);

    ApiBench(Postgres pg) throws Exception {
        pg.recreate(DATABASE);
        db = new ThreadConnections(pg.jdbcUrl(DATABASE), pg.user(), pg.password(), CreditsDatabase.SCHEMA);
        CreditsDatabase.migrate(db);
        Jdbc jdbc = new Jdbc(db);
        CreditsClock clock = new CreditsClock();
        // as the container wires it: the low-balance alerts observe every balance change
        LowBalanceAlerts[] alerts = new LowBalanceAlerts[1];
        Ledger ledger = new Ledger(jdbc, clock, "http://localhost:8080", change -> alerts[0].balanceChanged(change));
        AlertSettingsRepository settings = new AlertSettingsRepository(db.entityManager(), clock, BigDecimal.valueOf(2),
                BigDecimal.valueOf(20));
        alerts[0] = new LowBalanceAlerts(jdbc, settings, new AlertEmails(new Outbox(db.entityManager(), clock), new NoSchools(),
                ledger, settings), ledger);
        // as the container wires it: calls made outside a transaction go through the group commit
        metering = new MeteringService(ledger, new PriceList(db.entityManager(), clock), clock, Duration.ofMinutes(15),
                new GroupCommit(ledger, db, Integer.parseInt(System.getenv().getOrDefault("BENCH_GROUP_WORKERS", "2")),
                        500, Thread::new));
        // the price list as configured with CREDITS_PRICE_SMS=1
        db.run(() -> jdbc.update("insert into price (feature, version, credits, effective_from, created_at,"
                + " created_by) values ('SMS', 1, 1000, ?, now(), 'configuration')", Instant.EPOCH));
        for (int i = 0; i < SCHOOLS; i++) {
            staff[i] = staffOf(String.format("school-%04d", i));
        }
        IntStream.range(0, SCHOOLS + 1).parallel().forEach(i -> {
            String school = i == SCHOOLS ? HOT : staff[i].schoolId();
            long credits = i == SCHOOLS ? 100_000_000 : 1_000_000;
            db.run(() -> {
                ledger.provision(school);
                ledger.grant(new Grant(school, CreditType.CONNECT, LotSource.ADJUSTMENT, "bench", Credits.of(credits),
                        null, false, Actor.SYSTEM));
            });
        });
    }

    /** 1 credit reserved and captured for a random one of 1,000 schools. */
    Load.Result manySchools(int threads, Duration warmUp, Duration measured) {
        return Load.run("Java API, 1,000 schools", threads, warmUp, measured,
                (thread, n) -> deduct(staff[ThreadLocalRandom.current().nextInt(SCHOOLS)], thread, n));
    }

    /** 1 credit reserved and captured, every thread on the same school. */
    Load.Result hotSchool(int threads, Duration warmUp, Duration measured) {
        return Load.run("Java API, one hot school", threads, warmUp, measured,
                (thread, n) -> deduct(hotStaff, thread, n));
    }

    /** The same deductions as {@link #manySchools}, open loop at a fixed arrival rate. */
    Load.Result manySchoolsAt(double perSecond, int threads, Duration warmUp, Duration measured) {
        return Load.atRate("Java API, 1,000 schools, open loop at half the peak", threads, perSecond, warmUp, measured,
                (thread, n) -> deduct(staff[ThreadLocalRandom.current().nextInt(SCHOOLS)], thread, n));
    }

    /** The same deductions as {@link #hotSchool}, open loop at a fixed arrival rate. */
    Load.Result hotSchoolAt(double perSecond, int threads, Duration warmUp, Duration measured) {
        return Load.atRate("Java API, one hot school, open loop at half the peak", threads, perSecond, warmUp,
                measured, (thread, n) -> deduct(hotStaff, thread, n));
    }

    private void deduct(Caller caller, int thread, long n) {
        String reference = "api-" + thread + "-" + n + "-" + System.nanoTime();
        Metering.Reservation held = metering.reserve(caller, Feature.SMS, 1, reference);
        metering.capture(caller.schoolId(), held.id());
    }

    Reconciliation.Report reconcile() {
        return new Reconciliation(new Jdbc(db)).run(new PurchaseChecks());
    }

    /** The host's schools: none needs an e-mail in this benchmark (every balance stays far above its threshold). */
    private static final class NoSchools implements SchoolDirectory {
        @Override
        public Optional<School> find(String schoolId) {
            return Optional.empty();
        }

        @Override
        public List<School> all() {
            return List.of();
        }
    }

    private static Caller staffOf(String school) {
        return new Caller(school, "staff@" + school, "Bench Staff", Set.of("credits.view", "credits.use"));
    }
}
