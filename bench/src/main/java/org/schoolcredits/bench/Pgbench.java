package org.schoolcredits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * PostgreSQL's own limit on this machine, measured by pgbench (from postgresql-client): the
 * TPC-B-like workload, and a script of the ledger's hot path alone (one balance row debited by a
 * conditional update, plus an entry). Latencies come from pgbench's per-transaction log.
 */
final class Pgbench {

    static final String DATABASE = "bench_pgbench";

    /** The ledger's hot path in SQL: the conditional update of one balance row and an entry. */
    static final String HOT_ROW_SCRIPT = """
            BEGIN;
            UPDATE bench_balance SET available = available - 1000
                WHERE school_id = 'hot' AND credit_type = 'connect' AND available >= 1000;
            INSERT INTO bench_entry (school_id, amount, at) VALUES ('hot', -1000, now());
            END;
            """;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Postgres pg;
    private final Path workDir;
    private final String binary;

    Pgbench(Postgres pg, Path workDir) {
        this.pg = pg;
        this.workDir = workDir;
        this.binary = System.getenv().getOrDefault("BENCH_PGBENCH", "pgbench");
    }

    /** {@code pgbench -i -s scale}, and the tables of the hot-row script. */
    void initialise(int scale) throws Exception {
        pg.recreate(DATABASE);
        run(List.of("-i", "-q", "-s", Integer.toString(scale)), "init", DATABASE, Map.of());
        try (Connection c = pg.connect(DATABASE); Statement s = c.createStatement()) {
            s.execute("create table bench_balance (school_id text, credit_type text,"
                    + " available bigint not null check (available >= 0), primary key (school_id, credit_type))");
            s.execute("insert into bench_balance values ('hot', 'connect', 1000000000000000)");
            s.execute("create table bench_entry (school_id text not null, entry_id bigserial,"
                    + " amount bigint not null, at timestamptz not null, primary key (school_id, entry_id))");
        }
    }

    /** The built-in TPC-B-like transaction. */
    Load.Result tpcb(int clients, int seconds) throws Exception {
        return measure("pgbench TPC-B-like", List.of(), DATABASE, Map.of(), clients, seconds);
    }

    /** The hot-row script. */
    Load.Result hotRow(int clients, int seconds) throws Exception {
        Path script = workDir.resolve("hot-row.sql");
        Files.writeString(script, HOT_ROW_SCRIPT);
        return measure("pgbench hot row", List.of("-n", "-f", script.toString()), DATABASE, Map.of(), clients,
                seconds);
    }

    /**
     * A script of the plugin's own statements ({@link Replay}) on a database the plugin migrated,
     * its tables in {@code schema}: what PostgreSQL alone makes of them, with no Java involved.
     */
    Load.Result replay(String name, String script, String database, String schema, int clients, int seconds)
            throws Exception {
        Path file = workDir.resolve(name.replaceAll("\\W+", "-") + ".sql");
        Files.writeString(file, script);
        return measure(name, List.of("-n", "-f", file.toString()), database,
                Map.of("PGOPTIONS", "-c search_path=" + schema), clients, seconds);
    }

    private Load.Result measure(String name, List<String> workload, String database, Map<String, String> env,
                                int clients, int seconds) throws Exception {
        Path logs = Files.createDirectories(workDir.resolve("pgbench-log-" + name.replaceAll("\\W+", "-")));
        try (Stream<Path> old = Files.list(logs)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        List<String> args = new ArrayList<>(workload);
        args.addAll(List.of("-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "-M", "prepared", "-l", "--log-prefix=" + logs.resolve("tx")));
        String out = run(args, name, database, env);
        Matcher tps = TPS.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + out);
        }
        double rate = Double.parseDouble(tps.group(1));
        Histogram latency = new Histogram(3_600_000_000L, 3);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    // client_id transaction_no time(us) script_no time_epoch time_us
                    lines.forEach(line -> latency.recordValue(Math.max(1, Long.parseLong(line.split(" ")[2]))));
                }
            }
        }
        // ops from the rate pgbench reports, so that the ratio is against pgbench's own figure
        return new Load.Result(name, clients, seconds, Math.round(rate * seconds), 0, latency);
    }

    private String run(List<String> args, String what, String database, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "-h", pg.host(), "-p", Integer.toString(pg.port()),
                "-U", pg.user()));
        command.addAll(args);
        command.add(database);
        Path log = workDir.resolve("pgbench-" + what.replaceAll("\\W+", "-") + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", pg.password());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("pgbench not found (" + binary + "): apt-get install -y postgresql-client,"
                    + " or set BENCH_PGBENCH", e);
        }
        int exit = process.waitFor();
        String out = Files.readString(log);
        if (exit != 0) {
            throw new IllegalStateException("pgbench " + what + " exited with " + exit + ":\n" + out);
        }
        return out;
    }
}
