package org.schoolcredits.bench;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pool of one connection per thread, and transactions the way the container runs them
 * (as the plugin's TestDatabase does): every statement of {@link #tx} on the thread's
 * connection, committed at the end, rolled back on an exception.
 */
final class ThreadConnections implements DataSource {

    private final PGSimpleDataSource target;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
    private volatile Explain explain;

    ThreadConnections(String url, String user, String password, String schema) {
        target = new PGSimpleDataSource();
        target.setUrl(url);
        target.setUser(user);
        target.setPassword(password);
        target.setCurrentSchema(schema);
    }

    /** Records the statements run from now on, for {@link Explain#lastPlan}. */
    void recordInto(Explain explain) {
        this.explain = explain;
    }

    <T> T tx(Supplier<T> work) {
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

    void run(Runnable work) {
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
        if (!inTransaction.get()) {
            return target.getConnection();
        }
        Connection c = physical();
        Connection handle = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> "close".equals(method.getName()) ? null : method.invoke(c, args));
        Explain recorder = explain;
        return recorder == null ? handle : recorder.recording(handle);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
