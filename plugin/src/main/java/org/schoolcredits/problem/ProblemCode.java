package org.schoolcredits.problem;

/** Every error the plugin answers with; the code is what a client switches on. */
public enum ProblemCode {
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    INVALID_FIELD(400, "A field of the request is invalid"),
    UNKNOWN_FIELD(400, "The request has a field that is not accepted"),
    INVALID_PARAMETER(400, "A query or path parameter is invalid"),
    IDEMPOTENCY_KEY_INVALID(400, "The Idempotency-Key header is invalid"),
    UNKNOWN_PACKAGE(400, "There is no package with this id"),
    UNKNOWN_PAYMENT_METHOD(400, "The payment method must be card, bacs or cheque"),
    WEBHOOK_SIGNATURE_INVALID(400, "The Stripe signature is missing, wrong, stale or in the future"),
    STRIPE_EVENT_INVALID(400, "The Stripe event does not carry the object its type says"),
    UNAUTHENTICATED(401, "Authentication is required"),
    INSUFFICIENT_CREDITS(402, "Not enough credits"),
    PERMISSION_DENIED(403, "You do not have permission to do this"),
    FOREIGN_ORIGIN(403, "A call from another site may not change anything"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "The requested representation is not available"),
    HOLD_ALREADY_CAPTURED(409, "The usage was already captured"),
    HOLD_ALREADY_RELEASED(409, "The usage was already released"),
    HOLD_EXPIRED(409, "The usage was not settled in time and its credits were returned"),
    IDEMPOTENCY_KEY_REUSED(409, "The Idempotency-Key was used for a different request"),
    IDEMPOTENCY_KEY_IN_USE(409, "A request with this Idempotency-Key is still in progress"),
    REFERENCE_ALREADY_USED(409, "An action with this reference was already charged"),
    BALANCE_WOULD_GO_NEGATIVE(409, "The adjustment would take the balance below zero"),
    PURCHASE_NOT_PENDING(409, "The purchase is not a pending BACS or cheque payment"),
    PURCHASE_NOT_FLAGGED(409, "The purchase has no flag to resolve"),
    PURCHASE_NOT_CREDITABLE(409, "The purchase was credited before or has ended, so it can only be dismissed"),
    CHECKOUT_ALREADY_ENDED(409, "The checkout has already ended"),
    BODY_TOO_LARGE(413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be JSON"),
    RATE_LIMITED(429, "Too many requests"),
    PAYMENT_PROVIDER_FAILED(502, "The payment provider could not be reached"),
    PAYMENTS_NOT_CONFIGURED(503, "Card payments are not configured on this platform"),
    SERVICE_UNAVAILABLE(503, "The service is unavailable, try again shortly"),
    INTERNAL_ERROR(500, "Something went wrong on our side");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The machine-readable code, e.g. {@code insufficient_credits}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
