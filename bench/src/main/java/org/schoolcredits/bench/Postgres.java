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
