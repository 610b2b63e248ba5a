package com.crowdledger.shared.web;

/** The error codes of the API (SPEC §3) with the HTTP status each one answers with. */
public enum ErrorCode {
    INVALID_REQUEST(400),
    INVALID_API_KEY(401),
    INVALID_CREDENTIALS(401),
    PAYMENT_REQUIRED(402),
    FORBIDDEN(403),
    EMAIL_NOT_VERIFIED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_ERROR(422),
    IDEMPOTENCY_MISMATCH(422),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
