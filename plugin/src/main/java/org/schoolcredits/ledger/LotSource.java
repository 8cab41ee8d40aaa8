package org.schoolcredits.ledger;

import java.util.Locale;

/** Where the credits of a lot came from. */
public enum LotSource {
    PURCHASE, TRIAL, ALLOWANCE, ADJUSTMENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
