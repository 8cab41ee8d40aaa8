package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import java.time.Instant;
import java.util.UUID;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.storage.Jdbc;

/**
 * One row of the append-only entry table, made by a factory named after what happened. Amounts are
 * thousandths of a credit, signed as the available balance moves; {@code balanceAfter} is the
 * available balance the change leaves (the spend statement writes its own).
 */
record Entry(String schoolId, CreditType type, EntryKind kind, String feature, Long quantity, long amount,
             long pendingAmount, long balanceAfter, EntryStatus status, Actor by, String reference,
             Integer priceVersion, UUID holdId, Long lotId, Long refundsEntryId, String reason) {

    /** A lot added: available at once, or pending until it clears. */
    static Entry granted(Grant grant, long lotId, long balanceAfter, String reason) {
        long amount = grant.amount().millis();
        boolean pending = grant.pending();
        return new Entry(grant.schoolId(), grant.creditType(), grant.entryKind(), null, null, pending ? 0 : amount,
                pending ? amount : 0, balanceAfter, pending ? EntryStatus.PENDING : EntryStatus.SUCCESS, grant.by(),
                grant.reference(), null, null, lotId, null, reason);
    }

    /** A pending purchase settled: cleared makes its credits available, not cleared voids them. */
    static Entry settled(String schoolId, CreditType type, long lotId, long amount, boolean cleared,
                         long balanceAfter, Actor by, String reference) {
        return new Entry(schoolId, type, EntryKind.PURCHASE, null, null, cleared ? amount : 0, -amount, balanceAfter,
                cleared ? EntryStatus.SUCCESS : EntryStatus.FAILED, by, reference, null, null, lotId, null, null);
    }

    /** A learner credit spent at once. */
    static Entry redemption(String schoolId, Feature feature, Credits amount, int priceVersion, String reference,
                            Actor by) {
        return new Entry(schoolId, feature.creditType(), EntryKind.REDEMPTION, feature.name(), 1L, -amount.millis(),
                0, 0, EntryStatus.SUCCESS, by, reference, priceVersion, null, null, null, null);
    }

    /** Credits held for a host action: pending until the hold is captured or its credits return. */
    static Entry usage(Hold hold, Feature feature, Actor by) {
        return new Entry(hold.schoolId(), hold.creditType(), EntryKind.USAGE, feature.name(), hold.quantity(),
                -hold.amount().millis(), 0, 0, EntryStatus.PENDING, by, hold.reference(), hold.priceVersion(),
                hold.id(), null, null, null);
    }

    /** A negative platform correction; the reason is its reference too. */
    static Entry debitAdjustment(String schoolId, CreditType type, Credits amount, String reason, Actor by) {
        return new Entry(schoolId, type, EntryKind.ADJUSTMENT, null, null, amount.millis(), 0, 0,
                EntryStatus.SUCCESS, by, reason, null, null, null, null, reason);
    }

    /** A released or expired hold's credits back, pointing at the usage entry they refund. */
    static Entry refund(Hold hold, long usageEntryId, long balanceAfter, Actor by) {
        return new Entry(hold.schoolId(), hold.creditType(), EntryKind.REFUND, hold.feature(), hold.quantity(),
                hold.amount().millis(), 0, balanceAfter, EntryStatus.SUCCESS, by, hold.reference(),
                hold.priceVersion(), hold.id(), null, usageEntryId, null);
    }

    /** What was left of an expired lot, written off. */
    static Entry expiry(String schoolId, CreditType type, long lotId, long amount, long balanceAfter) {
        return new Entry(schoolId, type, EntryKind.EXPIRY, null, null, -amount, 0, balanceAfter, EntryStatus.SUCCESS,
                Actor.SYSTEM, null, null, null, lotId, null, null);
    }

    /** A refunded or disputed purchase's credits taken back (negative) or given back (a dispute won). */
    static Entry reversal(String schoolId, CreditType type, long amount, long balanceAfter, String purchase,
                          String reason) {
        return new Entry(schoolId, type, EntryKind.REVERSAL, null, null, amount, 0, balanceAfter, EntryStatus.SUCCESS,
                Actor.SYSTEM, purchase, null, null, null, null, reason);
    }

    private static final String INSERT = "insert into entry (school_id, at, credit_type, kind, feature,"
            + " quantity, amount, pending_amount, balance_after, status, initiated_by_id, initiated_by_name, reference,"
            + " price_version, hold_id, lot_id, refunds_entry_id, reason)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void write(Jdbc db, Instant at) {
        db.update(INSERT, schoolId, at, type.code(), kind.code(), feature, quantity, amount, pendingAmount,
                balanceAfter, status.code(), by.userId(), by.name(), reference, priceVersion, holdId, lotId,
                refundsEntryId, reason);
    }
}
