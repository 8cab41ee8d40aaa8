package org.schoolcredits.bench;

import java.sql.Connection;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.storage.ThreadTransactions;

/**
 * One connection per thread with transactions the way the container runs them (the plugin's
 * {@link ThreadTransactions}), optionally recording the statements for {@link Explain}.
 */
final class ThreadConnections extends ThreadTransactions {

    private volatile Explain explain;

    ThreadConnections(String url, String user, String password, String schema) {
        super(target(url, user, password, schema));
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
