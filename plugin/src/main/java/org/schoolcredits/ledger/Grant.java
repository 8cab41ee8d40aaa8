package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import java.time.Instant;
import org.schoolcredits.host.CreditType;

/**
 * Credits added as a lot: a purchase, the trial credit, a month's allowance or an adjustment.
 * The same source and reference is applied once, ever.
 *
 * @param expiresAt {@code null} for credits that never expire (purchases)
 * @param pending   bought by BACS or cheque: shown, not spendable until cleared
 */
public record Grant(String schoolId, CreditType creditType, LotSource source, String reference, Credits amount,
                    Instant expiresAt, boolean pending, Actor by) {

    /** The entry kind a grant of this source is recorded as. */
    EntryKind entryKind() {
        return switch (source) {
            case PURCHASE -> EntryKind.PURCHASE;
            case ADJUSTMENT -> EntryKind.ADJUSTMENT;
            case TRIAL, ALLOWANCE -> EntryKind.GRANT;
        };
    }
}
