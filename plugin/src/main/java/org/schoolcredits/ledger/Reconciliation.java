package org.schoolcredits.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.schoolcredits.storage.Jdbc;

/**
 * Checks the ledger's invariants for every school and credit type, on one snapshot: the
 * available balance equals the sum of its entries, and covers what is left of its expiring lots
 * with a pool that is never more than the lots that never expire brought; the pending balance
 * equals the sum of its entries and of its pending lots (the held balance is the sum of the open
 * holds by definition); no hold took more than its amount from expiring lots; every refund refers to one released usage and
 * never exceeds it. Negative balances, lots and holds are refused by the database's own constraints.
 * <p>
 * The checks of what other capabilities own (a purchase's credits: {@code purchases.PurchaseChecks})
 * are theirs: they come in as {@link Check}s and run on the same snapshot.
 */
@ApplicationScoped
public class Reconciliation {

    public record Report(boolean ok, int schools, List<String> mismatches) {
    }

    /** More checks, of another capability's tables against the ledger's, on the reconciliation's snapshot. */
    public interface Check {
        /** Adds a line to {@code mismatches} for each thing found wrong; reads only. */
        void check(Jdbc snapshot, List<String> mismatches);
    }

    @Inject
    Jdbc db;

    protected Reconciliation() {
    }

    public Reconciliation(Jdbc db) {
        this.db = db;
    }

    /** The ledger's checks, then {@code more}, all on one snapshot. */
    public Report run(Check... more) {
        return db.snapshot(snapshot -> check(snapshot, more));
    }

    private Report check(Jdbc snapshot, Check... more) {
        List<String> mismatches = new ArrayList<>();
        snapshot.list("""
                select b.school_id, b.credit_type, b.available, b.pending,
                       coalesce(e.available, 0), coalesce(e.pending, 0),
                       coalesce(l.expiring, 0), coalesce(l.lasting, 0), coalesce(l.pending, 0)
                from balance b
                left join (select school_id, credit_type, sum(amount) available, sum(pending_amount) pending
                           from entry group by 1, 2) e using (school_id, credit_type)
                left join (select school_id, credit_type,
                                  sum(remaining) filter (where state = 'available' and expires_at is not null) expiring,
                                  sum(amount) filter (where state = 'available' and expires_at is null) lasting,
                                  sum(amount) filter (where state = 'pending') pending
                           from lot group by 1, 2) l using (school_id, credit_type)
                where b.available <> coalesce(e.available, 0) or b.pending <> coalesce(e.pending, 0)
                   or b.available < coalesce(l.expiring, 0)
                   or b.available - coalesce(l.expiring, 0) > coalesce(l.lasting, 0)
                   or b.pending <> coalesce(l.pending, 0)
                """, rs -> mismatches.add(String.format(
                "%s/%s: balance available %d pending %d; entries available %d pending %d;"
                        + " left of expiring lots %d, brought by lasting lots %d, pending lots %d", rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getLong(9))));
        snapshot.list("""
                select h.school_id, h.hold_id from hold h
                join (select school_id, hold_id, sum(amount) taken from hold_lot group by 1, 2) t
                     using (school_id, hold_id)
                where h.amount < t.taken
                """, rs -> mismatches.add(rs.getString(1) + ": hold " + rs.getString(2)
                + " took more than its amount from expiring lots"));
        snapshot.list("""
                select r.school_id, r.entry_id from entry r
                left join entry u on u.school_id = r.school_id and u.entry_id = r.refunds_entry_id
                left join hold h on h.school_id = u.school_id and h.hold_id = u.hold_id
                where r.kind = 'refund' and (u.kind is distinct from 'usage' or r.amount > -u.amount
                      or h.state not in ('released', 'expired'))
                """, rs -> mismatches.add(rs.getString(1) + ": refund entry " + rs.getLong(2)
                + " does not refund one released usage within its amount"));
        snapshot.list("""
                select h.school_id, h.hold_id from hold h
                where h.state in ('released', 'expired') and (select count(*) from entry r join entry u
                      on u.school_id = r.school_id and u.entry_id = r.refunds_entry_id
                      where u.school_id = h.school_id and u.hold_id = h.hold_id and r.kind = 'refund') <> 1
                """, rs -> mismatches.add(rs.getString(1) + ": released hold " + rs.getString(2)
                + " is not refunded exactly once"));
        for (Check check : more) {
            check.check(snapshot, mismatches);
        }
        int schools = snapshot.one("select count(*) from school", rs -> rs.getInt(1)).orElse(0);
        return new Report(mismatches.isEmpty(), schools, List.copyOf(mismatches));
    }
}
