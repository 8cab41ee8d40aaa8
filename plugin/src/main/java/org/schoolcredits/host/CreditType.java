package org.schoolcredits.host;

/** The two credit products: learner credits and Connect credits. */
public enum CreditType {
    LEARNER, CONNECT;

    /** The lower-case name used in JSON and in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CreditType ofCode(String code) {
        for (CreditType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown credit type: " + code);
    }
}
