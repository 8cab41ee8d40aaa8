package org.schoolcredits.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.storage.Jdbc;

/**
 * One school's usages held (or charged at once) together, in one statement, writing what
 * {@link Spend} and {@link Holds} write for each of them one by one (BulkSpendTest compares the
 * two on the same input): a bulk send of a hundred SMS is one round trip, not two hundred.
 */
final class BulkSpend {

    /**
     * As {@link Spend#STATEMENT}, for many usages of one school and credit type: one debit of their
     * total {@code :amount} ({@link Spend#DEBITED}, which locks the row), one {@code take_from_lots} of
     * that total, soonest-expiring lot first, and each usage's part of it: usage {@code n} spends the range of credits from the sum
     * of the usages before it to that sum plus its amount, and takes from each lot what of the lot's
     * range falls in its own, exactly what one spend after the other takes. Each entry's balance
     * after is the balance before less the usages up to it; entries are numbered in the usages'
     * order ({@code order by n}). {@code take_from_lots} takes its school from {@code debited}, so
     * that it runs only after the debit, once the row is locked, and not at all when it is refused.
     */
    static final NamedSql STATEMENT = NamedSql.of(Spend.DEBITED + ", item as (select u.*, sum(u.amount) over (order by u.n) as upto from unnest(:hold_ids::uuid[],"
            + " :features::text[], :quantities::bigint[], :amounts::bigint[], :price_versions::int[], :references::text[])"
            + " with ordinality as u(hold_id, feature, quantity, amount, price_version, reference, n)),"
            + " opened as (insert into hold (school_id, hold_id, credit_type, feature, quantity, amount, price_version,"
            + " reference, state, initiated_by_id, initiated_by_name, created_at, expires_at, resolved_at)"
            + " select :school, i.hold_id, :type, i.feature, i.quantity, i.amount, i.price_version, i.reference, :state,"
            + " :by_id, :by_name, :at, :expires_at, :resolved_at::timestamptz from debited cross join item i order by i.n),"
            + " taken as (select lot.lot_id, lot.taken, sum(lot.taken) over (order by lot.n) as upto from debited"
            + " cross join lateral take_from_lots(debited.school_id, debited.credit_type, :amount) with ordinality as lot(lot_id, taken, n)),"
            + " parts as (insert into hold_lot (school_id, hold_id, lot_id, amount)"
            + " select :school, i.hold_id, t.lot_id, least(i.upto, t.upto) - greatest(i.upto - i.amount, t.upto - t.taken)"
            + " from item i join taken t on i.upto - i.amount < t.upto and t.upto - t.taken < i.upto),"
            + " written as (insert into entry (school_id, at, credit_type, kind, feature, quantity, amount,"
            + " pending_amount, balance_after, status, initiated_by_id, initiated_by_name, reference, price_version,"
            + " hold_id) select :school, :at, :type, 'usage', i.feature, i.quantity, -i.amount, 0,"
            + " debited.available + :amount - i.upto, 'pending', :by_id, :by_name, i.reference, i.price_version,"
            + " i.hold_id from debited cross join item i order by i.n)"
            + " select available, (select coalesce(sum(taken), 0) from taken) from debited");

    private final Jdbc db;
    private final Balances balances;
    private final Spend spend;

    BulkSpend(Jdbc db, Balances balances, Spend spend) {
        this.db = db;
        this.balances = balances;
        this.spend = spend;
    }

    /**
     * Holds every usage, in order, each with its own hold, parts and entry, or refuses them all and
     * writes nothing (the balance cannot cover their total; a reference charged before), by the
     * rule of every spend ({@link Spend#debit}). Tells {@link BalanceChanged}
     * of each usage, in order, as one spend after the other does.
     */
    List<Hold> reserve(List<Operation.Reserve> usages, Instant at) {
        Operation.Reserve first = usages.get(0);
        String schoolId = first.schoolId();
        CreditType type = first.feature().creditType();
        Actor by = first.by();
        for (Operation.Reserve usage : usages) {
            if (!usage.schoolId().equals(schoolId) || usage.feature().creditType() != type || !usage.by().equals(by)
                    || !usage.expiresAt().equals(first.expiresAt()) || usage.capture() != first.capture()) {
                throw new IllegalArgumentException("A bulk spend is of one school, credit type, caller and kind of hold");
            }
        }
        Hold.State state = first.capture() ? Hold.State.CAPTURED : Hold.State.HELD;
        List<Hold> holds = usages.stream().map(usage -> new Hold(schoolId, UUID.randomUUID(), type,
                usage.feature().code(), usage.quantity(), usage.amount(), usage.priceVersion(), usage.reference(), state,
                at, usage.expiresAt())).toList();
        long total = holds.stream().mapToLong(hold -> hold.amount().millis()).sum();
        long available = spend.debit(schoolId, type, total, at, () -> trySpend(holds, total, by, at)) + total;
        for (Hold hold : holds) {
            available -= hold.amount().millis();
            balances.changed(schoolId, type, -hold.amount().millis(), available);
        }
        return holds;
    }

    private Optional<Long> trySpend(List<Hold> holds, long total, Actor by, Instant at) {
        Hold first = holds.get(0);
        NamedSql.Values values = new NamedSql.Values()
                .set("amount", total)
                .set("school", first.schoolId())
                .set("type", first.creditType().code())
                .set("at", at)
                .set("hold_ids", holds.stream().map(Hold::id).toArray(UUID[]::new))
                .set("features", holds.stream().map(Hold::feature).toArray(String[]::new))
                .set("quantities", holds.stream().map(Hold::quantity).toArray(Long[]::new))
                .set("amounts", holds.stream().map(hold -> hold.amount().millis()).toArray(Long[]::new))
                .set("price_versions", holds.stream().map(Hold::priceVersion).toArray(Integer[]::new))
                .set("references", holds.stream().map(Hold::reference).toArray(String[]::new))
                .set("state", first.state().code())
                .set("by_id", by.userId())
                .set("by_name", by.name())
                .set("expires_at", first.expiresAt())
                .set("resolved_at", first.state() == Hold.State.CAPTURED ? at : null);
        try {
            return db.one(STATEMENT.sql(), rs -> rs.getLong(1), STATEMENT.bind(values));
        } catch (Jdbc.DatabaseException e) {
            if (e.violates("hold_reference")) {
                throw new CreditsException(ProblemCode.REFERENCE_ALREADY_USED, "An action of the batch was charged before");
            }
            throw e;
        }
    }
}
