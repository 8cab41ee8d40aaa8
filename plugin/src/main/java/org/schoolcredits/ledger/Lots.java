package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.storage.Jdbc;

/**
 * Lots: credits added (granted once per source and reference), pending purchases settled, and
 * expiring lots written off once their time has passed.
 */
final class Lots {

    private record Settled(long lotId, long amount) {
    }

    private record Wallet(String schoolId, CreditType type) {
    }

    private record Expiring(long lotId, long remaining) {
    }

    private final Jdbc db;
    private final Balances balances;

    Lots(Jdbc db, Balances balances) {
        this.db = db;
        this.balances = balances;
    }

    /** Adds a lot; returns its id, or empty when this source and reference was granted before. */
    Optional<Long> grant(Grant grant, String reason, Instant now) {
        Optional<Long> lotId = db.one("insert into lot (school_id, credit_type, source, reference, amount, remaining,"
                        + " expires_at, state, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (school_id, credit_type, source, reference) do nothing returning lot_id",
                rs -> rs.getLong(1), grant.schoolId(), grant.creditType().code(), grant.source().code(),
                grant.reference(), grant.amount().millis(), grant.expiresAt() == null ? null : grant.amount().millis(),
                grant.expiresAt(),
                grant.pending() ? "pending" : "available", now);
        if (lotId.isEmpty()) {
            return lotId;
        }
        long amount = grant.amount().millis();
        long available = grant.pending()
                ? balances.change(grant.schoolId(), grant.creditType(), 0, amount)
                : balances.change(grant.schoolId(), grant.creditType(), amount, 0);
        Entry.granted(grant, lotId.get(), available, reason).write(db, now);
        return lotId;
    }

    /** Settles a pending lot once; false when it was settled before (or never pending). */
    boolean settlePending(String schoolId, CreditType type, LotSource source, String reference, boolean cleared,
                          Actor by, Instant now) {
        Optional<Settled> lot = db.one("update lot set state = ? where school_id = ? and credit_type = ?"
                        + " and source = ? and reference = ? and state = 'pending' returning lot_id, amount",
                rs -> new Settled(rs.getLong(1), rs.getLong(2)), cleared ? "available" : "void",
                schoolId, type.code(), source.code(), reference);
        if (lot.isEmpty()) {
            return false;
        }
        long amount = lot.get().amount();
        long available = balances.change(schoolId, type, cleared ? amount : 0, -amount);
        Entry.settled(schoolId, type, lot.get().lotId(), amount, cleared, available, by, reference).write(db, now);
        return true;
    }

    /** Writes off what is left of lots whose expiry has passed; returns how many lots expired. */
    int expire(int limit, Instant now) {
        List<Wallet> due = db.list("select school_id, credit_type from lot where state = 'available'"
                + " and expires_at <= ? group by school_id, credit_type order by school_id, credit_type limit ?",
                rs -> new Wallet(rs.getString(1), CreditType.ofCode(rs.getString(2))), now, limit);
        int expired = 0;
        for (Wallet wallet : due) {
            expired += expireOf(wallet.schoolId(), wallet.type(), now);
        }
        return expired;
    }

    /** True when a lot of this wallet has passed its expiry and is not written off yet. */
    boolean anyExpired(String schoolId, CreditType type, Instant at) {
        return db.one("select 1 from lot where school_id = ? and credit_type = ?"
                + " and state = 'available' and expires_at <= ? limit 1", rs -> true, schoolId, type.code(), at)
                .isPresent();
    }

    int expireOf(String schoolId, CreditType type, Instant now) {
        balances.lock(schoolId, type);
        List<Expiring> lots = db.list("select lot_id, remaining from lot where school_id = ? and credit_type = ?"
                        + " and state = 'available' and expires_at <= ? order by lot_id for update",
                rs -> new Expiring(rs.getLong(1), rs.getLong(2)), schoolId, type.code(), now);
        for (Expiring lot : lots) {
            db.update("update lot set state = 'expired', remaining = 0 where school_id = ? and lot_id = ?", schoolId,
                    lot.lotId());
            writeOff(schoolId, type, lot.lotId(), lot.remaining(), now);
        }
        return lots.size();
    }

    /** Gives back part of a lot (a released hold's share), or writes it off if the lot has expired since. */
    void giveBack(String schoolId, CreditType type, long lotId, long amount, boolean lotAvailable, Instant now) {
        if (lotAvailable) {
            db.update("update lot set remaining = remaining + ? where school_id = ? and lot_id = ?", amount, schoolId,
                    lotId);
        } else {
            writeOff(schoolId, type, lotId, amount, now);
        }
    }

    private void writeOff(String schoolId, CreditType type, long lotId, long amount, Instant now) {
        if (amount == 0) {
            return;
        }
        long available = balances.change(schoolId, type, -amount, 0);
        Entry.expiry(schoolId, type, lotId, amount, available).write(db, now);
    }
}
