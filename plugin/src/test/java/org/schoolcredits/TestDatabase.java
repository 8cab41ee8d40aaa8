package org.schoolcredits;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.storage.ConnectionSource;
import org.schoolcredits.storage.CreditsDatabase;
import org.schoolcredits.storage.Jdbc;

/**
 * A fresh, migrated PostgreSQL database for a test, on one embedded server per JVM, and
 * transactions the way the container runs them: every statement of {@link #tx} on the
 * thread's one connection, committed at the end or rolled back on an exception.
 */
public final class TestDatabase extends ConnectionSource {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final PGSimpleDataSource target;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    private TestDatabase(PGSimpleDataSource target) {
        this.target = target;
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

    /** Runs {@code work} in one transaction on this thread's connection. */
    public <T> T tx(Supplier<T> work) {
        Connection c = physical();
        inTransaction.set(true);
        try {
            c.setAutoCommit(false);
            T result = work.get();
            c.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } catch (SQLException e) {
            rollback(c);
            throw new IllegalStateException(e);
        } finally {
            inTransaction.set(false);
        }
    }

    public void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection physical() {
        try {
            Connection c = connection.get();
            if (c == null || c.isClosed()) {
                c = target.getConnection();
                connection.set(c);
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inTransaction.get() ? unclosable(physical()) : target.getConnection();
    }
}
