package org.schoolcredits.kernel;

/** An amount of money in pence, always GBP. Never a floating-point number. */
public record Money(long pence) {

    public static final String CURRENCY = "GBP";

    public Money {
        if (pence < 0) {
            throw new IllegalArgumentException("money is never negative: " + pence);
        }
    }
}
