package com.crowdledger.shared.error;

import java.util.List;

/**
 * A rule said no: thrown by aggregates, lookups and endpoints alike, with a stable {@link ErrorCode}, a message safe
 * to show to the client, and the fields at fault. It knows nothing of HTTP; see {@link DomainError} for how it
 * travels back from a command handler that may run on another node.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldIssue> details;

    public DomainException(ErrorCode code, String message, List<FieldIssue> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static DomainException conflict(String message) {
        return new DomainException(ErrorCode.CONFLICT, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_ERROR, "The request is invalid",
                List.of(new FieldIssue(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldIssue> details() {
        return details;
    }

    public DomainError toError() {
        return new DomainError(code, getMessage(), details);
    }
}
