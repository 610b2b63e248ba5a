package com.crowdledger.shared.web;

import java.util.List;

/** A failure the client caused or must know about; rendered as the error envelope with its code. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldIssue> details;

    public ApiException(ErrorCode code, String message, List<FieldIssue> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid",
                List.of(new FieldIssue(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldIssue> details() {
        return details;
    }
}
