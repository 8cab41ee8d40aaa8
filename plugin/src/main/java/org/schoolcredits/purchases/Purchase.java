package org.schoolcredits.purchases;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.Money;

/**
 * A school's order of one credit package, and how far its payment has got. Its credits are the
 * ledger lot whose reference is the purchase id.
 *
 * @param flagReasons why platform finance must look at it (each payment that disagreed with it), oldest first
 * @param buyer       who ordered it; the credits are recorded as theirs
 * @param takenBack   what refunds and disputes took back of its credits from the school's balance
 * @param owed        what refunds and disputes covered that the school had already spent
 * @param bankReference what the school quotes on a bank transfer or cheque ({@link BankReference}); null for a card
 * @param resolvedFlags how many of the flag reasons platform finance has resolved
 * @param resolution    how platform finance last resolved its flags; null when it never did
 */
public record Purchase(String schoolId, UUID id, String packageId, CreditType creditType, Credits credits,
                       Money price, Method method, Status status, String checkoutSessionId, String checkoutUrl,
                       String paymentIntentId, String receiptUrl, List<String> flagReasons, Actor buyer,
                       Instant createdAt, Credits takenBack, Credits owed,
                       String bankReference, int resolvedFlags, Resolution resolution) {

    /**
     * Platform finance's decision on a flagged purchase: credited after review, or dismissed (no
     * credits, the status unchanged); who decided, when and why.
     */
    public record Resolution(Outcome outcome, String reason, Actor by, Instant at) {

        public enum Outcome {
            CREDITED, DISMISSED;

            public String code() {
                return name().toLowerCase(Locale.ROOT);
            }

            public static Outcome ofCode(String code) {
                return byCode(values(), code);
            }
        }
    }

    /** How the school pays: Stripe Checkout, or a bank transfer or cheque that finance clears. */
    public enum Method {
        CARD, BACS, CHEQUE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method ofCode(String code) {
            return byCode(values(), code);
        }
    }

    public enum Status {
        AWAITING_PAYMENT, PENDING, PAID, FAILED, CANCELLED, REFUNDED, DISPUTED, EXPIRED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status ofCode(String code) {
            return byCode(values(), code);
        }
    }

    private static <E extends Enum<E>> E byCode(E[] values, String code) {
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + values[0].getDeclaringClass().getSimpleName() + ": " + code);
    }

    /** The purchase id a client sent; empty when it is not one (which answers like a missing purchase). */
    public static Optional<UUID> idOf(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a payment disagreed with it and platform finance has not resolved that yet. */
    public boolean flagged() {
        return flagReasons.size() > resolvedFlags;
    }

    /** What the school quotes when it pays by bank transfer or cheque: the short reference, else the id. */
    public String paymentReference() {
        return bankReference == null ? id.toString() : bankReference;
    }

    /** The ledger reference of this purchase's credits. */
    public String reference() {
        return id.toString();
    }
}
