package org.schoolcredits.purchases;

import java.util.Locale;
import java.util.UUID;

/**
 * The reference a school quotes on a bank transfer or writes on a cheque: short enough for the
 * 18 characters a UK bank's reference field takes, e.g. {@code SC-OAK-7F3K2Q9M}. It is derived
 * from the school (its first three letters or digits) and the purchase (40 random bits of its id,
 * in Crockford's base 32, which has no I, L, O or U to misread), and stored on the purchase under
 * a unique index.
 */
public final class BankReference {

    /** The longest reference a UK bank transfer carries. */
    public static final int MAX_LENGTH = 18;

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_LENGTH = 8;

    private BankReference() {
    }

    public static String of(String schoolId, UUID purchaseId) {
        String school = schoolId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        school = school.isEmpty() ? "X" : school.substring(0, Math.min(3, school.length()));
        long bits = purchaseId.getLeastSignificantBits() ^ purchaseId.getMostSignificantBits();
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt((int) (bits >>> (5 * i) & 31)));
        }
        return "SC-" + school + "-" + code;
    }
}
