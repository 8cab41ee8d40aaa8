package org.schoolcredits;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Jdbc;
import org.schoolcredits.storage.ThreadTransactions;

/**
 * A fresh, migrated PostgreSQL database for a test, on one embedded server per JVM, with
 * transactions the way the container runs them ({@link ThreadTransactions}).
 */
public final class TestDatabase extends ThreadTransactions {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase(PGSimpleDataSource target) {
        super(target);
    }

    public static TestDatabase create() {
        PGSimpleDataSource ds = superuser(createEmpty());
        ds.setCurrentSchema(CreditsDatabase.SCHEMA);
        CreditsDatabase.migrate(ds);
        return new TestDatabase(ds);
    }

    /** A new, empty database on the embedded server; returns its name. */
    public static String createEmpty() {
        String name = "test_" + NEXT.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    /** The server's superuser on {@code database}. */
    public static PGSimpleDataSource superuser(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server().getJdbcUrl("postgres", database));
        ds.setUser("postgres");
        ds.setPassword("postgres");
        return ds;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is going anyway
                }
            }));
        }
        return server;
    }

    public Jdbc jdbc() {
        return new Jdbc(this);
    }
}
