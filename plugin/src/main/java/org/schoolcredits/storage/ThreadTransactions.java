package org.schoolcredits.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The plugin's data access outside a container (tests, benchmarks), with transactions the way
 * the container runs them: every statement of {@link #tx} on the thread's one connection,
 * committed at the end or rolled back on an exception. Outside {@code tx}, each statement gets
 * a connection of its own, in auto-commit.
 */
public class ThreadTransactions extends ConnectionSource implements Transactions {

    private final DataSource target;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    public ThreadTransactions(DataSource target) {
        this.target = target;
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

    @Override
    public boolean active() {
        return inTransaction.get();
    }

    @Override
    public <T> T inNew(Supplier<T> work) {
        if (active()) {
            throw new IllegalStateException("one transaction at a time on a thread's connection");
        }
        return tx(work);
    }

    public void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inTransaction.get() ? handle(unclosable(physical())) : target.getConnection();
    }

    /** What a statement inside a transaction is given; a subclass may wrap it (to record SQL, say). */
    protected Connection handle(Connection connection) {
        return connection;
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
}
