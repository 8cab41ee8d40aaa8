package org.schoolcredits.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.schoolcredits.history.History;
import org.schoolcredits.history.HistoryQuery;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.purchases.PurchaseChecks;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Jdbc;

/**
 * Runs every benchmark against one PostgreSQL and writes {@code bench/target/results.md} and
 * {@code results.json}. Settings (environment): {@code BENCH_DB_URL} (else embedded PostgreSQL),
 * {@code BENCH_SECONDS} (30), {@code BENCH_WARMUP_SECONDS} (5), {@code BENCH_THREADS} (16),
 * {@code BENCH_HISTORY_ROWS} (1,000,000), {@code BENCH_WEBHOOK_EVENTS} (3,000),
 * {@code BENCH_STEPS} (pgbench,api,startup,http,batch,webhook,history), {@code BENCH_BATCH_SIZE} (100),
 * {@code BENCH_JFR} (a flight recording of the demo),
 * {@code BENCH_DEMO_JAR} (demo-host/target/school-credits-demo.jar).
 */
public final class Bench {

    private static final String DEMO_DATABASE = "bench_demo";
    private static final String WEBHOOK_SECRET = "whsec_school_credits_bench";
    /** Held: a logger nobody references may be collected, and its level with it. */
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    private final Path root;
    private final Path work;
    private final List<String> steps;
    private final int threads = Integer.parseInt(env("BENCH_THREADS", "16"));
    private final int seconds = Integer.parseInt(env("BENCH_SECONDS", "30"));
    private final Duration warmUp = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "5")));
    private final long historyRows = Long.parseLong(env("BENCH_HISTORY_ROWS", "1000000"));
    private final int webhookEvents = Integer.parseInt(env("BENCH_WEBHOOK_EVENTS", "3000"));
    private final Report report = new Report();
    private Load.Result tpcb;
    private Load.Result hotRow;

    private Bench(Path root) throws Exception {
        this.root = root;
        this.work = Files.createDirectories(root.resolve("bench/target/run"));
        this.steps = Arrays.asList(env("BENCH_STEPS", "pgbench,api,startup,http,batch,webhook,history").split(","));
    }

    public static void main(String[] args) throws Exception {
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
        Path jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        new Bench(jar.getParent().getParent().getParent().toAbsolutePath().normalize()).run();
        System.exit(0); // the JDK's HTTP client and pools keep threads
    }

    private void run() throws Exception {
        System.out.println("Machine:");
        report.machine(Machine.describe());
        report.machine("load average at start: " + Machine.loadAverage());
        try (Postgres pg = Postgres.startOrUse(work)) {
            report.machine("PostgreSQL " + pg.setting("server_version") + " at " + pg.host() + ":" + pg.port()
                    + (System.getenv("BENCH_DB_URL") == null ? " (embedded)" : " (BENCH_DB_URL)") + ", fsync "
                    + pg.setting("fsync") + ", synchronous_commit " + pg.setting("synchronous_commit")
                    + ", shared_buffers " + pg.setting("shared_buffers"));
            report.machine(threads + " client threads, " + warmUp.toSeconds() + " s warm-up, " + seconds
                    + " s measured per run");
            if (steps.contains("pgbench")) {
                pgbench(pg);
            }
            if (steps.contains("api")) {
                api(pg);
            }
            if (steps.contains("startup")) {
                startup();
            }
            if (steps.contains("http") || steps.contains("batch") || steps.contains("webhook") || steps.contains("history")) {
                demo(pg);
            }
        }
        Path results = root.resolve("bench/target/results.md");
        report.write(results, root.resolve("bench/target/results.json"));
        System.out.println("Results: " + results);
    }

    private void pgbench(Postgres pg) throws Exception {
        System.out.println("pgbench -i -s 16, then 16 clients for " + seconds + " s ...");
        Pgbench pgbench = new Pgbench(pg, work);
        pgbench.initialise(16);
        tpcb = pgbench.tpcb(threads, seconds);
        report.reference(tpcb);
        hotRow = pgbench.hotRow(threads, seconds);
        report.reference(hotRow);
    }

    private void api(Postgres pg) throws Exception {
        System.out.println("Java API: provisioning " + ApiBench.SCHOOLS + " schools ...");
        ApiBench api = new ApiBench(pg);
        Duration measured = Duration.ofSeconds(seconds);
        Load.Result many = pg.statements(ApiBench.DATABASE, work.resolve("statements-api-many.txt"),
                () -> api.manySchools(threads, warmUp, measured));
        compare(many, tpcb, 0.5);
        report.half("half", api.manySchoolsAt(many.rate() / 2, threads, warmUp, measured), many.rate() / 2);
        Load.Result hot = pg.statements(ApiBench.DATABASE, work.resolve("statements-api-hot.txt"),
                () -> api.hotSchool(threads, warmUp, measured));
        compare(hot, hotRow, 0.8);
        report.half("half (one hot school)", api.hotSchoolAt(hot.rate() / 2, threads, warmUp, measured),
                hot.rate() / 2);
        requireClean(api.reconcile(), "Java API");
        System.out.println("The same deductions replayed by pgbench, no Java ...");
        Pgbench pgbench = new Pgbench(pg, work);
        replayed(pgbench.replay("pgbench replay of the plugin's deduction, 1,000 schools",
                Replay.deduction("'school-' || lpad((:n::int - 1)::text, 4, '0')"), ApiBench.DATABASE,
                CreditsDatabase.SCHEMA, threads, seconds), tpcb);
        replayed(pgbench.replay("pgbench replay of the plugin's deduction, one hot school",
                Replay.deduction("'" + ApiBench.HOT + "'"), ApiBench.DATABASE, CreditsDatabase.SCHEMA, threads,
                seconds), hotRow);
        requireClean(api.reconcile(), "pgbench replay");
    }

    /** A rate beside its reference, with no target: where the time goes, not a goal. */
    private void replayed(Load.Result run, Load.Result reference) {
        report.add(run.name() + ": deductions per second", "/s", run.rate(), reference == null ? "" : reference.name(),
                reference == null ? Double.NaN : reference.rate(), "", null);
    }

    private void startup() throws Exception {
        System.out.println("Demo start-up with its embedded PostgreSQL ...");
        try (Demo demo = Demo.start(demoJar(), Demo.fresh(work.resolve("demo-embedded")),
                work.resolve("demo-embedded.log"), Map.of(), List.of())) {
            report.add("Demo start-up, embedded PostgreSQL, new data dir: launch to /health/ready 200", "s",
                    demo.readySeconds(), "", Double.NaN, "< 30 s", demo.readySeconds() < 30);
            memory(demo, -1, "Demo resident memory when ready (launcher + Payara + embedded PostgreSQL)");
        }
    }

    private void demo(Postgres pg) throws Exception {
        System.out.println("Demo on the bench PostgreSQL ...");
        pg.recreate(DEMO_DATABASE);
        Map<String, String> env = new java.util.HashMap<>(Map.of("CREDITS_DB_URL", pg.jdbcUrl(DEMO_DATABASE),
                "CREDITS_DB_USER", pg.user(), "CREDITS_DB_PASSWORD", pg.password(), "CREDITS_PRICE_SMS", "1",
                // the bench signs webhook events itself, and sends everything from one address
                "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET, "CREDITS_RATE_LIMIT_WEBHOOK", "100000000",
                "CREDITS_RATE_LIMIT_PURCHASES", "100000000"));
        // a flight recording of the whole run (Payara runs in the launcher's JVM), written when it stops
        // and BENCH_DEMO_JVM_OPTIONS (space-separated) on the demo's command line, to compare JVM settings
        List<String> jvm = new java.util.ArrayList<>(List.of(System.getenv().getOrDefault("BENCH_DEMO_JVM_OPTIONS", "")
                .trim().split("\\s+")));
        jvm.removeIf(String::isEmpty);
        if (System.getenv("BENCH_JFR") != null) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("demo.jfr"));
        }
        try (Demo demo = Demo.start(demoJar(), Demo.fresh(work.resolve("demo-bench")), work.resolve("demo-bench.log"),
                env, jvm)) {
            report.add("Demo start-up on the bench PostgreSQL (new database): launch to /health/ready 200", "s",
                    demo.readySeconds(), "", Double.NaN, "< 30 s", demo.readySeconds() < 30);
            HttpBench http = new HttpBench(demo.baseUrl());
            if (steps.contains("http")) {
                http.adjust("oakwood", 1_000_000);
                http.adjust("riverside", 1_000_000);
                compare(pg.statements(DEMO_DATABASE, work.resolve("statements-http.txt"),
                        () -> http.deductions(threads, warmUp, Duration.ofSeconds(seconds))), tpcb, 0.3);
                compare(pg.statements(DEMO_DATABASE, work.resolve("statements-http-charge.txt"),
                        () -> http.charges(threads, warmUp, Duration.ofSeconds(seconds))), tpcb, 0.3);
                memory(demo, pg.postmasterPid(), "Demo resident memory after the HTTP run (launcher + Payara"
                        + " + the bench's PostgreSQL)");
            }
            if (steps.contains("batch")) {
                batch(http);
            }
            if (steps.contains("webhook")) {
                Load.Result webhooks = pg.statements(DEMO_DATABASE, work.resolve("statements-webhook.txt"),
                        () -> http.webhooks(threads, webhookEvents, WEBHOOK_SECRET));
                report.add(String.format("%s: events applied per second (%,d events, each a new card purchase"
                        + " paid)", webhooks.name(), webhooks.ops()), "/s", webhooks.rate(), tpcb == null ? ""
                        : tpcb.name(), tpcb == null ? Double.NaN : tpcb.rate(), "", null);
                for (double percentile : new double[] {50, 99, 99.9}) {
                    report.add(webhooks.name() + ": p" + (percentile == 99.9 ? "99.9" : (int) percentile)
                            + " latency", "ms", webhooks.ms(percentile), "", Double.NaN, "", null);
                }
            }
            if (steps.contains("history")) {
                history(pg, http);
            }
            String reconciliation = http.reconciliation();
            if (!reconciliation.contains("\"ok\":true")) {
                throw new IllegalStateException("the demo's reconciliation is not clean: " + reconciliation);
            }
        }
    }

    /** Bulk sends through the batch endpoint ({@code BENCH_BATCH_SIZE} usages a request, 100 by default). */
    private void batch(HttpBench http) throws Exception {
        int size = Integer.parseInt(env("BENCH_BATCH_SIZE", "100"));
        http.adjust("oakwood", 1_000_000);
        http.adjust("riverside", 1_000_000);
        report.batch(http.batches(threads, warmUp, Duration.ofSeconds(seconds), size), size, tpcb);
    }

    private void history(Postgres pg, HttpBench http) throws Exception {
        System.out.println("History: writing " + historyRows + " entries for oakwood ...");
        long began = System.nanoTime();
        long added;
        try (Connection c = pg.connect(DEMO_DATABASE)) {
            c.createStatement().execute("set search_path to " + CreditsDatabase.SCHEMA);
            added = HistoryData.add(c, "oakwood", historyRows);
        }
        report.note(String.format("%,d history entries written for oakwood in %.0f s (SQL generate_series)", added,
                (System.nanoTime() - began) / 1e9));
        String filtered = "feature=SMS&status=success";
        page(http.historyPages("admin@oakwood", filtered, 20, 200),
                "History page over HTTP, 50 rows, " + filtered + ", " + added / 1000 + "k entries");
        page(http.historyPages("admin@oakwood", "", 20, 200),
                "History page over HTTP, 50 rows, unfiltered");
        page(http.historyPages("admin@oakwood", "feature=DVLA_BIKE_CHECK&status=refunded", 5, 50),
                "History page over HTTP, 50 rows, feature=DVLA_BIKE_CHECK&status=refunded (rare)");
        ThreadConnections db = new ThreadConnections(pg.jdbcUrl(DEMO_DATABASE), pg.user(), pg.password(),
                CreditsDatabase.SCHEMA);
        History history = new History(db.entityManager());
        // the first pages of the JVM run in the interpreter; a server that shows history runs them compiled
        Histogram first = new Histogram(3_600_000_000L, 3);
        Histogram warm = new Histogram(3_600_000_000L, 3);
        HistoryQuery query = new HistoryQuery(null, "SMS", "success", null, null, null, 50);
        for (int i = 0; i < 2_220; i++) {
            long start = System.nanoTime();
            db.tx(() -> history.rows("oakwood", query));
            long micros = Math.max(1, (System.nanoTime() - start) / 1000);
            if (i >= 20 && i < 220) {
                first.recordValue(micros);
            } else if (i >= 2_020) {
                warm.recordValue(micros);
            }
        }
        page(first, "History page through the History class, 50 rows, " + filtered + ", pages 21-220 of the JVM");
        page(warm, "History page through the History class, 50 rows, " + filtered + ", pages 2,021-2,220");
        explain(pg, db, "explain-history-filtered.txt", () -> history.rows("oakwood", query));
        explain(pg, db, "explain-history-rare.txt", () -> history.rows("oakwood",
                new HistoryQuery(null, "DVLA_BIKE_CHECK", "refunded", null, null, null, 50)));
        double[] csv = http.csvExport("admin@oakwood");
        report.add(String.format("CSV export over HTTP of the whole history (%,.0f lines)", csv[1]), "s", csv[0], "",
                Double.NaN, "", null);
        long reconciled = System.nanoTime();
        requireClean(new Reconciliation(new Jdbc(db)).run(new PurchaseChecks()), "history");
        report.add("Reconciliation of the demo database with the long history", "s",
                (System.nanoTime() - reconciled) / 1e9, "", Double.NaN, "", null);
    }

    /** Writes the plan of the last statement {@code reads} runs to {@code file}. */
    private void explain(Postgres pg, ThreadConnections db, String file, Runnable reads) throws Exception {
        Explain explain = new Explain();
        db.recordInto(explain);
        db.run(reads);
        db.recordInto(null);
        try (Connection c = pg.connect(DEMO_DATABASE)) {
            c.createStatement().execute("set search_path to " + CreditsDatabase.SCHEMA);
            Files.writeString(work.resolve(file), explain.lastPlan(c));
        }
    }

    private void page(Histogram latency, String what) {
        report.add(what + ": p50", "ms", latency.getValueAtPercentile(50) / 1000.0, "", Double.NaN, "", null);
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        report.add(what + ": p99", "ms", p99, "", Double.NaN, "< 50 ms", p99 < 50);
    }

    private void compare(Load.Result run, Load.Result reference, double minimumRatio) {
        if (reference == null) {
            report.reference(run);
        } else {
            report.load(run, reference, minimumRatio);
        }
    }

    /** The "under 768 MB resident", read strictly: 768 × 10⁶ bytes. */
    private static final double LIMIT_MIB = 768e6 / (1 << 20);

    /** The demo's memory; judged against the target only as the demo ships (its embedded PostgreSQL). */
    private void memory(Demo demo, long postmaster, String what) throws Exception {
        Processes.Memory memory = demo.memory(postmaster);
        boolean shipped = postmaster <= 0;
        report.add(what + ", RSS summed over " + memory.processes() + " processes", "MiB", memory.rssMiB(), "",
                Double.NaN, shipped ? "< 768 MB (732 MiB)" : "", shipped ? memory.rssMiB() < LIMIT_MIB : null);
        report.add(what + ", PSS (shared pages counted once)", "MiB", memory.pssMiB(), "", Double.NaN, "", null);
    }

    private static void requireClean(Reconciliation.Report reconciliation, String what) {
        if (!reconciliation.ok()) {
            List<String> mismatches = reconciliation.mismatches();
            throw new IllegalStateException(what + ": reconciliation not clean, " + mismatches.size()
                    + " mismatch(es), first: " + mismatches.subList(0, Math.min(5, mismatches.size())));
        }
    }

    private Path demoJar() {
        return Path.of(env("BENCH_DEMO_JAR", root.resolve("demo-host/target/school-credits-demo.jar").toString()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
