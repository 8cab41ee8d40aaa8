package org.schoolcredits.host;

import java.math.BigDecimal;

/**
 * Thrown by the plugin to the host when a school cannot pay for an action: from an observer
 * of {@link LearnerRegistering} (a veto that rolls the host's transaction back) or from
 * {@link Metering#reserve}. Nothing was charged.
 */
public class InsufficientCreditsException extends RuntimeException {

    private final CreditType creditType;
    private final BigDecimal required;
    private final BigDecimal available;
    private final String topUpUrl;
    private final BigDecimal pending;

    public InsufficientCreditsException(CreditType creditType, BigDecimal required, BigDecimal available,
                                        String topUpUrl) {
        this(creditType, required, available, BigDecimal.ZERO, topUpUrl);
    }

    /** With {@code pending}: credits bought but not paid yet (a BACS transfer or a cheque on its way). */
    public InsufficientCreditsException(CreditType creditType, BigDecimal required, BigDecimal available,
                                        BigDecimal pending, String topUpUrl) {
        super("Not enough " + creditType.code() + " credits: " + required.toPlainString() + " required, "
                + available.toPlainString() + " available");
        this.creditType = creditType;
        this.required = required;
        this.available = available;
        this.topUpUrl = topUpUrl;
        this.pending = pending;
    }

    public BigDecimal pending() {
        return pending;
    }

    public CreditType creditType() {
        return creditType;
    }

    public BigDecimal required() {
        return required;
    }

    public BigDecimal available() {
        return available;
    }

    public String topUpUrl() {
        return topUpUrl;
    }
}
