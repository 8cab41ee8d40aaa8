package org.schoolcredits.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain SQL on the plugin's data source, with the connection of the current transaction.
 * Inside a JTA transaction the container hands every call the same connection.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs read-only work on one REPEATABLE READ snapshot of the database, outside any
     * transaction of the caller's: every query of {@code work} sees the same moment.
     */
    public <T> T snapshot(java.util.function.Function<Jdbc, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var statement = c.createStatement()) {
                // for this transaction only: the pooled connection keeps its defaults
                statement.execute("set transaction isolation level repeatable read, read only");
            }
            try {
                return work.apply(new Jdbc(new SingleConnection(c)));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> rows = list(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
        return ps;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A database failure: the caller cannot fix it, so it maps to 503 or 500. */
    public static class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }

        /** A unique or exclusion constraint refused the row: the thing was done before. */
        public boolean isUniqueViolation() {
            return "23505".equals(sqlState());
        }

        /** A unique constraint or index of that name refused the row. */
        public boolean violates(String constraint) {
            return isUniqueViolation() && getCause() instanceof org.postgresql.util.PSQLException e
                    && e.getServerErrorMessage() != null
                    && constraint.equals(e.getServerErrorMessage().getConstraint());
        }
    }

}
