package com.crowdledger.shared.error;

/**
 * The error codes of the API (SPEC §3), each with the kind of failure it is. Domain code throws a
 * {@link DomainException} with a code; the web layer alone decides how a kind is answered over HTTP, so a feature
 * adds its own codes here and nothing else.
 */
public enum ErrorCode {
    INVALID_REQUEST(Kind.MALFORMED),
    INVALID_API_KEY(Kind.UNAUTHENTICATED),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
    PAYMENT_REQUIRED(Kind.PAYMENT),
    PAYMENT_FAILED(Kind.PAYMENT),
    FORBIDDEN(Kind.FORBIDDEN),
    EMAIL_NOT_VERIFIED(Kind.FORBIDDEN),
    NOT_FOUND(Kind.NOT_FOUND),
    METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
    CONFLICT(Kind.CONFLICT),
    PAYLOAD_TOO_LARGE(Kind.TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE),
    VALIDATION_ERROR(Kind.INVALID),
    IDEMPOTENCY_MISMATCH(Kind.INVALID),
    /** A postback for a click older than its offer's attribution window. */
    CLICK_EXPIRED(Kind.INVALID),
    RATE_LIMITED(Kind.THROTTLED),
    INTERNAL_ERROR(Kind.INTERNAL),
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE);

    /** What sort of failure a code is; the web layer maps each kind to one HTTP status. */
    public enum Kind {
        MALFORMED, UNAUTHENTICATED, PAYMENT, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, CONFLICT, TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE, INVALID, THROTTLED, INTERNAL, UNAVAILABLE
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
