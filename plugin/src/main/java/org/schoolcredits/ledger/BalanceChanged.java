package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import org.schoolcredits.host.CreditType;

/**
 * Fired synchronously by the ledger, inside the transaction that changed it and while it holds the
 * balance's row lock, after a school's available balance of one credit type changed {@code by} a
 * signed amount to {@code available}; observers (low-balance alerts) write their own rows in the
 * same transaction and must not send anything before it commits.
 */
public record BalanceChanged(String schoolId, CreditType creditType, Credits by, Credits available) {

    public boolean fell() {
        return by.millis() < 0;
    }
}
