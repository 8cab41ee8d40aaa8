package org.schoolcredits.demo;

import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.schoolcredits.host.Caller;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * The host MIS a test plays inside the container: its own SQL on the data source the demo shares with
 * the plugin, in its own JTA transactions, where every statement runs on the transaction's connection
 * as the plugin's do.
 */
final class ContainerHost {

    /** Work of a test that may throw anything. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static UserTransaction transaction() throws Exception {
        return InitialContext.doLookup("java:comp/UserTransaction");
    }

    /** Runs {@code work} in a transaction of the host's and commits it; rolls back when {@code work} throws. */
    static void committed(Work work) throws Exception {
        UserTransaction tx = transaction();
        tx.begin();
        try {
            work.run();
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
        tx.commit();
    }

    /** Runs {@code work} in a transaction of the host's, then rolls it back, as a host that failed afterwards. */
    static void rolledBack(Work work) throws Exception {
        UserTransaction tx = transaction();
        tx.begin();
        try {
            work.run();
        } finally {
            tx.rollback();
        }
    }

    /** A school admin of {@code school}, with every school permission of the plugin. */
    static Caller admin(String school) {
        return new Caller(school, "admin@" + school, "Admin " + school,
                Set.of("credits.view", "credits.use", "credits.manage"));
    }

    static int update(String sql, Object... args) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** The first column of the first row, or null when there is no row. */
    static Object value(String sql, Object... args) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    static long count(String sql, Object... args) throws Exception {
        return ((Number) value(sql, args)).longValue();
    }

    private static DataSource dataSource() throws Exception {
        return InitialContext.doLookup(CreditsDatabase.JNDI);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private ContainerHost() {
    }
}
