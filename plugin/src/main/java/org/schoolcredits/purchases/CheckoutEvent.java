package org.schoolcredits.purchases;

/**
 * A verified Stripe event, translated out of Stripe's types by {@link StripeGateway}.
 *
 * @param payload   the raw body as Stripe signed it, kept for review
 * @param sessionId the Checkout Session it is about; null for a type we do not handle
 */
public record CheckoutEvent(String id, String type, String apiVersion, String payload, Kind kind, String sessionId,
                            PaymentStatus paymentStatus, Long amountTotal, String currency, String paymentIntentId) {

    /** The Checkout Session events that move a purchase; every other type is stored and ignored. */
    public enum Kind {
        COMPLETED("checkout.session.completed"),
        ASYNC_PAYMENT_SUCCEEDED("checkout.session.async_payment_succeeded"),
        ASYNC_PAYMENT_FAILED("checkout.session.async_payment_failed"),
        EXPIRED("checkout.session.expired"),
        OTHER(null);

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        public static Kind of(String type) {
            for (Kind kind : values()) {
                if (kind.type != null && kind.type.equals(type)) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    /** The session's {@code payment_status}; anything Stripe adds later is {@link #UNKNOWN}. */
    public enum PaymentStatus {
        PAID, UNPAID, UNKNOWN;

        public static PaymentStatus of(String stripeValue) {
            if ("paid".equals(stripeValue)) {
                return PAID;
            }
            return "unpaid".equals(stripeValue) ? UNPAID : UNKNOWN;
        }
    }
}
