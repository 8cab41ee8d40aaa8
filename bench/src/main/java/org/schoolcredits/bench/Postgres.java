package org.schoolcredits.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL every figure is measured against: the one {@code BENCH_DB_URL} names
 * ({@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD}), or an embedded PostgreSQL 15 started the
 * way the demo starts it (zonky, fsync and synchronous_commit on). The bench creates its own
 * databases on it, dropping them first if they exist.
 */
final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static Postgres startOrUse(Path workDir) throws IOException {
        String url = System.getenv("BENCH_DB_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return new Postgres(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    env("BENCH_DB_USER", "postgres"), env("BENCH_DB_PASSWORD", "postgres"));
        }
        Path data = workDir.resolve("pgdata");
        Path runtime = workDir.resolve("pg-runtime");
        Files.createDirectories(runtime);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new Postgres(pg, "localhost", pg.getPort(), "postgres", "postgres");
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates an empty database of that name, dropping an earlier one. */
    void recreate(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    /**
     * Clears pg_stat_statements on that database, runs {@code work}, and writes the statements that
     * took the most time to {@code file}: where the database spent a run's time.
     */
    <T> T statements(String database, java.nio.file.Path file, java.util.concurrent.Callable<T> work)
            throws Exception {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            return work.call(); // not preloaded on a BENCH_DB_URL server: no statement profile
        }
        T result = work.call();
        StringBuilder out = new StringBuilder(String.format("%10s %12s %10s %9s %9s %10s  %s%n", "calls", "total ms",
                "mean ms", "rows", "plans", "plan ms", "statement"));
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select calls, total_exec_time, mean_exec_time, rows, plans, mean_plan_time,"
                     + " regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                     + " where dbid = (select oid from pg_database where datname = current_database())"
                     + " order by total_exec_time desc limit 25")) {
            while (rs.next()) {
                out.append(String.format("%10d %12.0f %10.3f %9d %9d %10.3f  %s%n", rs.getLong(1), rs.getDouble(2),
                        rs.getDouble(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6), rs.getString(7)));
            }
        }
        java.nio.file.Files.writeString(file, out);
        return result;
    }

    String setting(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The postmaster's pid when PostgreSQL runs on this machine (the parent of a backend), else -1. */
    long postmasterPid() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return Processes.parentOf(rs.getLong(1));
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
