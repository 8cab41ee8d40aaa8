package org.schoolcredits.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of credits in thousandths (0.6 credits is 600). Never a floating-point number. */
public record Credits(long millis) implements Comparable<Credits> {

    public static final Credits ZERO = new Credits(0);
    private static final int SCALE = 3;

    public static Credits of(long wholeCredits) {
        return new Credits(Math.multiplyExact(wholeCredits, 1000L));
    }

    /**
     * The exact amount a decimal stands for.
     *
     * @throws ArithmeticException when it has more than three decimals or does not fit
     */
    public static Credits of(BigDecimal value) {
        return new Credits(value.movePointRight(SCALE).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public Credits plus(Credits other) {
        return new Credits(Math.addExact(millis, other.millis));
    }

    public Credits minus(Credits other) {
        return new Credits(Math.subtractExact(millis, other.millis));
    }

    public Credits times(long quantity) {
        return new Credits(Math.multiplyExact(millis, quantity));
    }

    public Credits negate() {
        return new Credits(Math.negateExact(millis));
    }

    public boolean isPositive() {
        return millis > 0;
    }

    /** As a JSON-ready decimal: {@code 0.6}, {@code 8}, {@code 99.4}, {@code 100}. */
    public BigDecimal toDecimal() {
        BigDecimal value = BigDecimal.valueOf(millis, SCALE).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    @Override
    public int compareTo(Credits other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
