package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.storage.Jdbc;

/**
 * Holds: credits reserved for a host action, then captured (final), released (returned) or
 * expired (returned by the job). A hold resolves once; its credits return exactly where they came
 * from, its parts to the expiring lots, the rest to the pool.
 */
final class Holds {

    private record Part(long lotId, long amount, boolean lotAvailable) {
    }

    private final Jdbc db;
    private final Balances balances;
    private final Lots lots;
    private final Spend spend;
    private final CreditsClock clock;

    Holds(Jdbc db, CreditsClock clock, Balances balances, Lots lots, Spend spend) {
        this.db = db;
        this.clock = clock;
        this.balances = balances;
        this.lots = lots;
        this.spend = spend;
    }

    Hold reserve(String schoolId, Feature feature, long quantity, Credits amount, int priceVersion, String reference,
                 Instant expiresAt, Actor by) {
        Instant now = clock.now();
        Hold hold = new Hold(schoolId, UUID.randomUUID(), feature.creditType(), feature.code(), quantity, amount,
                priceVersion, reference, Hold.State.HELD, now, expiresAt);
        try {
            spend.spend(Entry.usage(hold, feature, by), now, hold);
        } catch (Jdbc.DatabaseException e) {
            if (e.violates("hold_reference")) {
                throw new CreditsException(ProblemCode.REFERENCE_ALREADY_USED,
                        "The " + feature + " action '" + reference + "' was charged before");
            }
            throw e;
        }
        return hold;
    }

    /** Resolves a held hold once; refuses, saying why, a hold resolved before. */
    Hold resolve(String schoolId, UUID holdId, Hold.State to) {
        Optional<Hold> hold = db.one("update hold set state = ?, resolved_at = ? where school_id = ? and hold_id = ?"
                + " and state = 'held' returning *", Holds::hold, to.code(), clock.now(), schoolId, holdId);
        if (hold.isPresent()) {
            return hold.get();
        }
        Hold existing = find(schoolId, holdId).orElseThrow(() -> CreditsException.notFound("The usage"));
        throw switch (existing.state()) {
            case CAPTURED -> new CreditsException(ProblemCode.HOLD_ALREADY_CAPTURED, "The usage was captured before");
            case RELEASED -> new CreditsException(ProblemCode.HOLD_ALREADY_RELEASED, "The usage was released before");
            case EXPIRED, HELD -> new CreditsException(ProblemCode.HOLD_EXPIRED,
                    "The usage expired at " + existing.expiresAt() + " and its credits were returned");
        };
    }

    /** Expires holds left unsettled past their time and returns their credits; runs once across instances. */
    int expire(int limit) {
        Instant now = clock.now();
        List<Hold> due = db.list("update hold set state = 'expired', resolved_at = ? where (school_id, hold_id) in"
                        + " (select school_id, hold_id from hold where state = 'held' and expires_at <= ?"
                        + " order by expires_at, school_id, created_at, reference limit ? for update skip locked) returning *",
                Holds::hold, now, now, limit);
        // balance rows are locked in one order, school then credit type, as the lot expiry does: two
        // sweeps (two instances) each locking the schools of its holds in expiry order deadlocked
        due.sort(Comparator.comparing(Hold::schoolId).thenComparing(Hold::creditType).thenComparing(Hold::expiresAt)
                .thenComparing(Hold::createdAt).thenComparing(hold -> String.valueOf(hold.reference())));
        for (Hold hold : due) {
            returnHeld(hold, Actor.SYSTEM);
        }
        return due.size();
    }

    Optional<Hold> find(String schoolId, UUID holdId) {
        return db.one("select * from hold where school_id = ? and hold_id = ?", Holds::hold, schoolId, holdId);
    }

    /**
     * Returns a resolved hold's credits: its parts to the expiring lots they came from, the rest to
     * the pool; a part whose lot has expired since is written off.
     */
    void returnHeld(Hold hold, Actor by) {
        String schoolId = hold.schoolId();
        long available = balances.change(schoolId, hold.creditType(), hold.amount().millis(), 0);
        Instant now = clock.now();
        long usageEntry = db.one("select entry_id from entry where school_id = ? and hold_id = ? and kind = 'usage'",
                rs -> rs.getLong(1), schoolId, hold.id()).orElseThrow();
        Entry.refund(hold, usageEntry, available, by).write(db, now);
        List<Part> parts = db.list("select hl.lot_id, hl.amount, l.state from hold_lot hl join lot l"
                        + " on l.school_id = hl.school_id and l.lot_id = hl.lot_id"
                        + " where hl.school_id = ? and hl.hold_id = ? order by hl.lot_id for update of l",
                rs -> new Part(rs.getLong(1), rs.getLong(2), "available".equals(rs.getString(3))),
                schoolId, hold.id());
        for (Part part : parts) {
            lots.giveBack(schoolId, hold.creditType(), part.lotId(), part.amount(), part.lotAvailable(), now);
        }
    }

    static Hold hold(ResultSet rs) throws SQLException {
        return new Hold(rs.getString("school_id"), rs.getObject("hold_id", UUID.class),
                CreditType.ofCode(rs.getString("credit_type")), rs.getString("feature"),
                rs.getLong("quantity"), new Credits(rs.getLong("amount")), rs.getInt("price_version"),
                rs.getString("reference"), Hold.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"));
    }
}
