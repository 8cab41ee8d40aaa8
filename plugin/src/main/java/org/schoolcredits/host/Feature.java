package org.schoolcredits.host;

/** The host features that cost credits. Their prices live in the plugin's price list. */
public enum Feature {
    LEARNER_REGISTRATION(CreditType.LEARNER),
    SMS(CreditType.CONNECT),
    DVLA_LICENCE_CHECK(CreditType.CONNECT),
    DVLA_BIKE_CHECK(CreditType.CONNECT);

    private final CreditType creditType;

    Feature(CreditType creditType) {
        this.creditType = creditType;
    }

    public CreditType creditType() {
        return creditType;
    }
}
