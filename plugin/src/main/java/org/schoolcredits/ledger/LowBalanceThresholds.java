package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import org.schoolcredits.host.CreditType;

/**
 * Below which available balance a school's credits count as low. The ledger only asks; the
 * alerts capability answers (each school may set its own levels), so the ledger stays unaware
 * of alerts.
 */
public interface LowBalanceThresholds {

    Credits threshold(String schoolId, CreditType type);

    /** Whether the balance has ever been at or above its threshold (a new school's trial credit has not). */
    default boolean everReached(String schoolId, CreditType type) {
        return true;
    }
}
