package org.schoolcredits.host;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host feature that costs credits: its code (what the API, the history and the price list name it
 * by), the label users see, the credit type it spends and its first price in credits. The defaults
 * are the constants below; a host registers more (or relabels these) with {@code CREDITS_FEATURES}
 * or a {@link HostFeatures} bean. Two features are equal when their codes are.
 */
public final class Feature {

    public static final Feature LEARNER_REGISTRATION =
            new Feature("LEARNER_REGISTRATION", "Learner registration", CreditType.LEARNER, new BigDecimal("1"));
    public static final Feature SMS = new Feature("SMS", "SMS", CreditType.CONNECT, new BigDecimal("0.6"));
    public static final Feature DVLA_LICENCE_CHECK =
            new Feature("DVLA_LICENCE_CHECK", "DVLA licence check", CreditType.CONNECT, new BigDecimal("8"));
    public static final Feature DVLA_BIKE_CHECK =
            new Feature("DVLA_BIKE_CHECK", "DVLA bike check", CreditType.CONNECT, new BigDecimal("5"));

    /** The most one use of a feature may cost, in credits. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("10000");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final String code;
    private final String label;
    private final CreditType creditType;
    private final BigDecimal price;

    private Feature(String code, String label, CreditType creditType, BigDecimal price) {
        this.code = code;
        this.label = label;
        this.creditType = creditType;
        this.price = price;
    }

    /**
     * A feature to register.
     *
     * @param code       1 to 40 of A-Z, 0-9 and _, starting with a letter, e.g. {@code WHATSAPP}
     * @param label      what users see, 1 to 60 characters, e.g. "WhatsApp message"
     * @param creditType the credits it spends (only Connect features can be metered)
     * @param price      its first price in credits: more than 0, at most 10,000, at most 3 decimals
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Feature of(String code, String label, CreditType creditType, BigDecimal price) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A feature code must be 1 to 40 of A-Z, 0-9 and _, starting with a"
                    + " letter: " + code);
        }
        String shown = label == null ? "" : label.strip();
        if (shown.isEmpty() || shown.length() > 60 || shown.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The label of feature " + code + " must be 1 to 60 characters");
        }
        Objects.requireNonNull(creditType, "the credit type of feature " + code);
        if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0
                || price.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException("The price of feature " + code + " must be more than 0 and at most "
                    + MAX_PRICE + " credits, with at most 3 decimals: " + price);
        }
        return new Feature(code, shown, creditType, price);
    }

    /** The defaults: learner registration, SMS and the DVLA licence and bike checks. */
    public static List<Feature> defaults() {
        return List.of(LEARNER_REGISTRATION, SMS, DVLA_LICENCE_CHECK, DVLA_BIKE_CHECK);
    }

    public String code() {
        return code;
    }

    /** The code, as when this was an enum. */
    public String name() {
        return code;
    }

    public String label() {
        return label;
    }

    public CreditType creditType() {
        return creditType;
    }

    /** The first price in credits, written to the price list once (unless {@code CREDITS_PRICE_<CODE>} says otherwise). */
    public BigDecimal price() {
        return price;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Feature feature && feature.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
