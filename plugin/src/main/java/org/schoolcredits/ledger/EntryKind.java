package org.schoolcredits.ledger;

import java.util.Locale;

/** What an entry records. */
public enum EntryKind {
    PURCHASE, GRANT, REDEMPTION, USAGE, REFUND, EXPIRY, ADJUSTMENT, REVERSAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
