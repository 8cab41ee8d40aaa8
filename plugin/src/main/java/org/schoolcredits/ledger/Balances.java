package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import java.util.function.Consumer;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.storage.Jdbc;

/**
 * The balance rows, one per school and credit type: changed by an update that locks the row, read
 * with the held balance summed from the open holds. Tells {@link BalanceChanged} of every change
 * of the available balance.
 */
final class Balances {

    private final Jdbc db;
    private final Consumer<BalanceChanged> changes;

    Balances(Jdbc db, Consumer<BalanceChanged> changes) {
        this.db = db;
        this.changes = changes;
    }

    /** Adds to (or, negative, takes from) the available and pending balances; returns the available balance after. */
    long change(String schoolId, CreditType type, long available, long pending) {
        long after = db.one("update balance set available = available + ?, pending = pending + ?"
                        + " where school_id = ? and credit_type = ? returning available",
                rs -> rs.getLong(1), available, pending, schoolId, type.code())
                .orElseThrow(() -> CreditsException.notFound("The school"));
        if (available != 0) {
            changed(schoolId, type, available, after);
        }
        return after;
    }

    void changed(String schoolId, CreditType type, long amount, long after) {
        changes.accept(new BalanceChanged(schoolId, type, new Credits(amount), new Credits(after)));
    }

    /** Locks the row as an update of it does, and returns the available balance. */
    Credits lock(String schoolId, CreditType type) {
        // as a balance update locks it: a hold inserted before (its key share on the row) does not conflict
        return new Credits(db.one("select available from balance where school_id = ? and credit_type = ?"
                + " for no key update", rs -> rs.getLong(1), schoolId, type.code())
                .orElseThrow(() -> CreditsException.notFound("The school")));
    }

    Balance read(String schoolId, CreditType type) {
        return db.one("select available, (select coalesce(sum(amount), 0) from hold h where h.school_id = b.school_id"
                        + " and h.credit_type = b.credit_type and h.state = 'held'), pending"
                        + " from balance b where school_id = ? and credit_type = ?",
                rs -> new Balance(new Credits(rs.getLong(1)), new Credits(rs.getLong(2)), new Credits(rs.getLong(3))),
                schoolId, type.code()).orElse(Balance.EMPTY);
    }
}
