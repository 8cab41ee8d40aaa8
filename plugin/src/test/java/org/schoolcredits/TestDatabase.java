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
 * transactions the way the container runs them ({@link ThreadTransactions}). The migrations run
 * once per JVM, into a template database; each test gets a copy of it ({@code create database
 * ... template ...}), which is much faster than migrating again.
 */
public final class TestDatabase extends ThreadTransactions {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static String template;

    private TestDatabase(PGSimpleDataSource target) {
        super(target);
    }

    public static TestDatabase create() {
        PGSimpleDataSource ds = superuser(createFrom(migratedTemplate()));
        ds.setCurrentSchema(CreditsDatabase.SCHEMA);
        return new TestDatabase(ds);
    }

    /** A new, empty database on the embedded server; returns its name. */
    public static String createEmpty() {
        return createFrom(null);
    }

    /** The migrated database every {@link #create()} copies; migrated on first use in this JVM. */
    private static synchronized String migratedTemplate() {
        if (template == null) {
            String name = createEmpty();
            PGSimpleDataSource ds = superuser(name);
            ds.setCurrentSchema(CreditsDatabase.SCHEMA);
            CreditsDatabase.migrate(ds);
            template = name;
        }
        return template;
    }

    /** Copying a template needs it free of connections: the copies are made one at a time. */
    private static synchronized String createFrom(String source) {
        String name = "test_" + NEXT.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name + (source == null ? "" : " template " + source));
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
