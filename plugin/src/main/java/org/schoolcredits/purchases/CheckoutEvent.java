package org.schoolcredits.purchases;

/**
 * A verified Stripe event, translated out of Stripe's types by {@link StripeGateway}.
 *
 * @param payload         the raw body as Stripe signed it, kept for review
 * @param sessionId       the Checkout Session it is about; null for a type that is not a session's
 * @param paymentIntentId the payment: the session's, or the refunded or disputed charge's
 * @param change          what a refund or dispute event says of the payment; null for other types
 * @param clientReferenceId the session's {@code client_reference_id}: the purchase id it was opened for
 */
public record CheckoutEvent(String id, String type, String apiVersion, String payload, Kind kind, String sessionId,
                            PaymentStatus paymentStatus, Long amountTotal, String currency, String paymentIntentId,
                            PaymentChange change, String clientReferenceId) {

    /**
     * What Stripe said of a payment after it was made.
     *
     * @param refundedPence Stripe's {@code amount_refunded} of the charge (cumulative); null for a dispute
     * @param disputeStatus Stripe's status of the dispute, e.g. {@code needs_response}, {@code won}; null for a refund
     * @param disputePence  the disputed amount; 0 for a refund
     * @param disputeClosed whether the dispute is over ({@code charge.dispute.closed})
     */
    public record PaymentChange(Long refundedPence, String disputeId, String disputeStatus, long disputePence,
                                boolean disputeClosed) {
    }

    /** The events that move a purchase; every other type is stored and ignored. */
    public enum Kind {
        COMPLETED("checkout.session.completed"),
        ASYNC_PAYMENT_SUCCEEDED("checkout.session.async_payment_succeeded"),
        ASYNC_PAYMENT_FAILED("checkout.session.async_payment_failed"),
        EXPIRED("checkout.session.expired"),
        REFUNDED("charge.refunded"),
        DISPUTE_CREATED("charge.dispute.created"),
        DISPUTE_CLOSED("charge.dispute.closed"),
        OTHER(null);

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        /** An event about a Checkout Session, which must carry one. */
        public boolean aboutSession() {
            return type != null && type.startsWith("checkout.session.");
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
