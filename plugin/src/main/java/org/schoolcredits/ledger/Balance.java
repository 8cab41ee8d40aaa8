package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;

/**
 * A school's balance of one credit type: spendable, held by unsettled usages, and pending
 * (bought by BACS or cheque, not yet cleared).
 */
public record Balance(Credits available, Credits held, Credits pending) {

    public static final Balance EMPTY = new Balance(Credits.ZERO, Credits.ZERO, Credits.ZERO);
}
