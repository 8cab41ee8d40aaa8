package org.schoolcredits.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schoolcredits.ledger.Reconciliation;
import org.schoolcredits.storage.Jdbc;

/**
 * The reconciliation's checks of purchases against the ledger, run on its snapshot (the platform's
 * reconciliation endpoint adds them to the ledger's own): every paid purchase has exactly one entry
 * crediting its credits, and every purchase entry belongs to a purchase, crediting only a paid (or
 * since refunded or disputed) one; what a purchase records as taken back by refunds and disputes
 * equals its reversal entries, and every reversal entry belongs to a purchase.
 */
@ApplicationScoped
public class PurchaseChecks implements Reconciliation.Check {

    @Override
    public void check(Jdbc snapshot, List<String> mismatches) {
        snapshot.list("""
                select p.school_id, p.purchase_id, p.status, count(e.entry_id), coalesce(sum(e.amount), 0)
                from purchase p
                left join entry e on e.school_id = p.school_id and e.kind = 'purchase'
                       and e.reference = p.purchase_id::text and e.amount > 0
                group by 1, 2, 3, p.credits
                having count(e.entry_id) <> case when p.status in ('paid', 'refunded', 'disputed') then 1 else 0 end
                    or (p.status in ('paid', 'refunded', 'disputed') and coalesce(sum(e.amount), 0) <> p.credits)
                """, rs -> mismatches.add(rs.getString(1) + ": " + rs.getString(3) + " purchase " + rs.getString(2)
                + " has " + rs.getLong(4) + " credit entries of " + rs.getLong(5) + " in all"));
        snapshot.list("""
                select e.school_id, e.entry_id from entry e
                left join purchase p on p.school_id = e.school_id and p.purchase_id::text = e.reference
                where e.kind = 'purchase' and (p.purchase_id is null
                      or (e.amount > 0 and p.status not in ('paid', 'refunded', 'disputed')))
                """, rs -> mismatches.add(rs.getString(1) + ": purchase entry " + rs.getLong(2)
                + " has no purchase, or credits one that is not paid"));
        snapshot.list("""
                select p.school_id, p.purchase_id, p.taken_back, coalesce(-sum(e.amount), 0)
                from purchase p
                left join entry e on e.school_id = p.school_id and e.kind = 'reversal'
                       and e.reference = p.purchase_id::text
                group by 1, 2, 3
                having coalesce(-sum(e.amount), 0) <> p.taken_back
                """, rs -> mismatches.add(rs.getString(1) + ": purchase " + rs.getString(2) + " records "
                + rs.getLong(3) + " taken back, its reversal entries " + rs.getLong(4)));
        snapshot.list("""
                select e.school_id, e.entry_id from entry e
                left join purchase p on p.school_id = e.school_id and p.purchase_id::text = e.reference
                where e.kind = 'reversal' and p.purchase_id is null
                """, rs -> mismatches.add(rs.getString(1) + ": reversal entry " + rs.getLong(2)
                + " has no purchase"));
    }
}
