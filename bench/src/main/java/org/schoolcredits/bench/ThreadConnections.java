package org.schoolcredits.bench;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.storage.ThreadTransactions;

/**
 * One connection per thread with transactions the way the container runs them (the plugin's
 * {@link ThreadTransactions}), optionally recording the statements for {@link Explain}.
 */
final class ThreadConnections extends ThreadTransactions {

    private volatile Explain explain;
    private final PGSimpleDataSource target;
    private final ThreadLocal<Connection> autoCommit = new ThreadLocal<>();

    ThreadConnections(String url, String user, String password, String schema) {
        this(target(url, user, password, schema));
    }

    private ThreadConnections(PGSimpleDataSource target) {
        super(target);
        this.target = target;
    }

    /**
     * Outside a transaction, a statement runs on a connection of the thread's own, in auto-commit, as
     * the container's pool would hand one out (the plugin's {@code ThreadTransactions} opens a new one
     * per statement: fine for tests, but a new backend per read would be what the benchmark measures).
     */
    @Override
    public Connection getConnection() throws SQLException {
        if (active()) {
            return super.getConnection();
        }
        Connection c = autoCommit.get();
        if (c == null || c.isClosed()) {
            c = target.getConnection();
            autoCommit.set(c);
        }
        return unclosable(c);
    }

    private static PGSimpleDataSource target(String url, String user, String password, String schema) {
        PGSimpleDataSource target = new PGSimpleDataSource();
        target.setUrl(url);
        target.setUser(user);
        target.setPassword(password);
        target.setCurrentSchema(schema);
        return target;
    }

    /** Records the statements run from now on, for {@link Explain#lastPlan}. */
    void recordInto(Explain explain) {
        this.explain = explain;
    }

    @Override
    protected Connection handle(Connection connection) {
        Explain recorder = explain;
        return recorder == null ? connection : recorder.recording(connection);
    }
}
