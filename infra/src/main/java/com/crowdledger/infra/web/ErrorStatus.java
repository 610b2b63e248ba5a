package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import java.util.Arrays;

/** The one place where a kind of domain failure becomes an HTTP status. */
public final class ErrorStatus {
    private ErrorStatus() {
    }

    public static int of(ErrorCode code) {
        return switch (code.kind()) {
            case MALFORMED -> 400;
            case UNAUTHENTICATED -> 401;
            case PAYMENT -> 402;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case INVALID -> 422;
            case THROTTLED -> 429;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    /** The code to show for a status the servlet container chose (errors raised outside Spring MVC). */
    public static ErrorCode codeFor(int status) {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> of(code) == status)
                .findFirst()
                .orElse(status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST);
    }
}
