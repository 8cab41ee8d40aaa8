package org.schoolcredits.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * A host's own SQL, inside the container, on the data source the demo shares with the plugin: in a JTA
 * transaction every statement runs on the transaction's connection, as the plugin's do.
 */
final class HostSql {

    /** Work of a test that may throw anything. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private DataSource dataSource() throws NamingException {
        return InitialContext.doLookup(CreditsDatabase.JNDI);
    }

    int update(String sql, Object... args) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** The first column of the first row, or null when there is no row. */
    Object value(String sql, Object... args) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    long count(String sql, Object... args) throws Exception {
        return ((Number) value(sql, args)).longValue();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
