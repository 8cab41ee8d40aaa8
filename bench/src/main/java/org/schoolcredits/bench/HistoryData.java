package org.schoolcredits.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a long history for one school straight into the ledger's tables, in one transaction,
 * the way the ledger would have written it one usage at a time: a lot from a platform
 * adjustment (credits that never expire: the pool), then usages of SMS (0.6), DVLA licence (8)
 * and bike (5) checks, each a hold that took its amount from the pool and was captured, or (one
 * in 16) released with its refund entry. The balance ends up equal to the sum of the entries, so
 * the reconciliation stays clean.
 */
final class HistoryData {

    private HistoryData() {
    }

    /** Adds about {@code entries} entries to {@code school}'s Connect history; returns how many it added. */
    static long add(Connection c, String school, long entries) throws SQLException {
        long usages = (entries - 1) * 16 / 17;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            long available = one(c, "select available from balance where school_id = ? and credit_type = 'connect'"
                    + " for update", school);
            long base = one(c, "select nextval('entry_id_seq')", null);
            one(c, "select setval('entry_id_seq', " + (base + 2 * usages + 10) + ")", null);
            long lot = one(c, "select nextval('lot_id_seq')", null);
            s.execute("create temporary table usage_plan on commit drop as"
                    + " select i, case when i % 10 < 6 then 'SMS' when i % 10 < 8 then 'DVLA_LICENCE_CHECK'"
                    + " else 'DVLA_BIKE_CHECK' end as feature,"
                    + " case when i % 10 < 6 then 600 when i % 10 < 8 then 8000 else 5000 end as amount,"
                    + " i % 16 = 5 as released,"
                    + " md5('" + base + "-' || i)::uuid as hold_id,"
                    + " " + base + " + 2 * i as entry_id,"
                    + " now() - (" + (2 * usages + 2) + " - 2 * i) * interval '15 seconds' as at"
                    + " from generate_series(1, " + usages + ") i");
            long spent = one(c, "select coalesce(sum(amount), 0) from usage_plan where not released", null);
            long left = 1_000_000; // 1,000 credits stay in the pool
            long bought = spent + left;
            String start = "now() - " + (2 * usages + 2) + " * interval '15 seconds'";
            update(c, "insert into lot (school_id, lot_id, credit_type, source, reference, amount, remaining,"
                    + " expires_at, state, created_at) values (?, " + lot + ", 'connect', 'adjustment', ?, "
                    + bought + ", null, null, 'available', " + start + ")", school, "bench-history-" + base);
            update(c, "insert into hold (school_id, hold_id, credit_type, feature, quantity, amount, price_version,"
                    + " reference, state, initiated_by_id, initiated_by_name, created_at, expires_at, resolved_at)"
                    + " select ?, hold_id, 'connect', feature, 1, amount, 1, 'history-' || '" + base + "-' || i,"
                    + " case when released then 'released' else 'captured' end, 'staff@bench', 'Bench Staff',"
                    + " at, at + interval '15 minutes', at from usage_plan", school);
            long added = update(c, "insert into entry (school_id, entry_id, at, credit_type, kind, feature, quantity,"
                    + " amount, pending_amount, balance_after, status, initiated_by_id, initiated_by_name, reference,"
                    + " price_version, hold_id, lot_id, refunds_entry_id)"
                    + " select ?, entry_id, at, 'connect', kind, feature, quantity, amount, 0,"
                    + " " + available + " + sum(amount) over (order by entry_id), status, by_id, by_name, reference,"
                    + " price_version, hold_id, lot_id, refunds from ("
                    + "   select " + base + " as entry_id, " + start + " as at, 'adjustment' as kind, null as feature,"
                    + "     null::bigint as quantity, " + bought + "::bigint as amount, 'success' as status,"
                    + "     'finance@platform' as by_id, 'Fiona Finance' as by_name, 'bench-history' as reference,"
                    + "     null::integer as price_version, null::uuid as hold_id, " + lot + "::bigint as lot_id,"
                    + "     null::bigint as refunds"
                    + "   union all select entry_id, at, 'usage', feature, 1, -amount, 'pending', 'staff@bench',"
                    + "     'Bench Staff', 'history-' || '" + base + "-' || i, 1, hold_id, null, null from usage_plan"
                    + "   union all select entry_id + 1, at + interval '1 second', 'refund', feature, 1, amount,"
                    + "     'success', 'staff@bench', 'Bench Staff', 'history-' || '" + base + "-' || i, 1, hold_id, null, entry_id"
                    + "     from usage_plan where released"
                    + " ) planned", school);
            update(c, "update balance set available = available + " + left
                    + " where school_id = ? and credit_type = 'connect'", school);
            c.commit();
            for (String table : new String[] {"entry", "hold", "hold_lot", "lot"}) {
                s.execute("analyze " + table);
            }
            return added;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static long one(Connection c, String sql, String school) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (school != null) {
                ps.setString(1, school);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
