package org.schoolcredits.ledger;

import org.schoolcredits.host.CreditType;

/**
 * Fired synchronously by the ledger, inside the transaction that changed it, after a school's
 * available balance of one credit type changed; observers (low-balance alerts) write their own
 * rows in the same transaction and must not send anything before it commits.
 */
public record BalanceChanged(String schoolId, CreditType creditType, Credits available) {
}
