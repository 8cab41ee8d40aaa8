package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.links.HostLinks;
import org.schoolcredits.storage.Jdbc;

/**
 * Takes credits out of the available balance in one statement, or refuses and writes nothing:
 * a redemption, a held usage, a negative adjustment.
 */
final class Spend {

    /**
     * The rule of every spend, the single ({@link #STATEMENT}) and the bulk one ({@link BulkSpend}): takes
     * {@code :amount} off the available balance if it is there and no lot has expired unseen; the
     * conditional update locks the row and serialises a school's spending. No row: refused.
     */
    static final String DEBITED = "with debited as (update balance set available = available - :amount"
            + " where school_id = :school and credit_type = :type and available >= :amount and not exists (select 1 from lot"
            + " where lot.school_id = balance.school_id and lot.credit_type = balance.credit_type"
            + " and lot.state = 'available' and lot.expires_at <= :at) returning school_id, credit_type, available)";

    /**
     * One statement, so that the balance row is locked for this statement and the commit only:
     * takes the amount off the available balance if it is there and no lot has expired unseen
     * (the conditional update locks the row and serialises a school's spending); then opens the
     * hold, if any; takes what it can from the expiring lots, soonest first, as they are once the
     * row is locked ({@code take_from_lots}, V7 and V8), the rest coming from the pool; records
     * what the hold took from which lot; writes the entry with the balance it leaves. The hold and
     * its parts are written only for a usage ({@code where :holding}). The last line selects from
     * {@code taken} so that the lots are taken when there is no hold too.
     */
    static final NamedSql STATEMENT = NamedSql.of(DEBITED + ", opened as (insert into hold (school_id, hold_id, credit_type, feature, quantity, amount, price_version,"
            + " reference, state, initiated_by_id, initiated_by_name, created_at, expires_at)"
            + " select :school, :hold_id, :type, :feature, :quantity, :amount, :price_version, :reference, 'held', :by_id,"
            + " :by_name, :at, :expires_at from debited where :holding),"
            + " taken as (select lot.lot_id, lot.taken from debited"
            + " cross join lateral take_from_lots(debited.school_id, debited.credit_type, :amount) lot),"
            + " parts as (insert into hold_lot (school_id, hold_id, lot_id, amount) select :school, :hold_id, lot_id, taken"
            + " from taken where :holding),"
            + " written as (insert into entry (school_id, at, credit_type, kind, feature, quantity, amount,"
            + " pending_amount, balance_after, status, initiated_by_id, initiated_by_name, reference, price_version,"
            + " hold_id, reason) select :school, :at, :type, :kind, :feature, :quantity, :entry_amount, 0,"
            + " debited.available, :status, :by_id, :by_name, :reference, :price_version, :hold_id, :reason from debited)"
            + " select available, (select coalesce(sum(taken), 0) from taken) from debited");

    private final Jdbc db;
    private final Balances balances;
    private final Lots lots;
    private final HostLinks links;

    Spend(Jdbc db, Balances balances, Lots lots, HostLinks links) {
        this.db = db;
        this.balances = balances;
        this.links = links;
        this.lots = lots;
    }

    /**
     * Takes an entry's credits out of the available balance (opening {@code hold} if not null), or
     * refuses; returns the available balance after. Lots past their expiry are written off first,
     * so that they are never spent even before the month-end job has run.
     */
    long spend(Entry entry, Instant at, Hold hold) {
        long after = debit(entry.schoolId(), entry.type(), -entry.amount(), at, () -> trySpend(entry, at, hold));
        balances.changed(entry.schoolId(), entry.type(), entry.amount(), after);
        return after;
    }

    /**
     * The rule around every spend statement ({@link #DEBITED}), the single and the bulk one: runs
     * {@code statement}; when refused and a lot has expired unseen, writes the expired lots off and
     * runs it once more; when still refused, refuses {@code amount} with the balance as it is.
     * Returns the available balance after.
     */
    long debit(String schoolId, CreditType type, long amount, Instant at, Supplier<Optional<Long>> statement) {
        Optional<Long> after = statement.get();
        if (after.isEmpty() && lots.anyExpired(schoolId, type, at)) {
            lots.expireOf(schoolId, type, at);
            after = statement.get();
        }
        if (after.isEmpty()) {
            Balance balance = balances.read(schoolId, type);
            throw new InsufficientCreditsException(type, new Credits(amount).toDecimal(),
                    balance.available().toDecimal(), balance.pending().toDecimal(), links.creditsPage());
        }
        return after.get();
    }

    /** {@link #STATEMENT} once; empty when refused, then nothing was written. */
    private Optional<Long> trySpend(Entry entry, Instant at, Hold hold) {
        boolean holding = hold != null;
        NamedSql.Values values = new NamedSql.Values()
                .set("amount", -entry.amount())
                .set("school", entry.schoolId())
                .set("type", entry.type().code())
                .set("at", at)
                .set("hold_id", entry.holdId())
                .set("feature", entry.feature())
                .set("quantity", entry.quantity())
                .set("price_version", entry.priceVersion())
                .set("reference", entry.reference())
                .set("by_id", entry.by().userId())
                .set("by_name", entry.by().name())
                .set("expires_at", holding ? hold.expiresAt() : null)
                .set("holding", holding)
                .set("kind", entry.kind().code())
                .set("entry_amount", entry.amount())
                .set("status", entry.status().code())
                .set("reason", entry.reason());
        return db.one(STATEMENT.sql(), rs -> rs.getLong(1), STATEMENT.bind(values));
    }
}
