package org.schoolcredits.ledger;

import java.util.Locale;

/** Where an entry stands: done, waiting (a held usage, an uncleared purchase) or failed (a purchase not cleared). */
public enum EntryStatus {
    SUCCESS, PENDING, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
