package com.crowdledger.shared.error;

import java.util.List;

/**
 * A {@link DomainException} as data: what a command handler's failure carries back to the sender (as the details of
 * Axon's {@code CommandExecutionException}), so the client gets the same code and message whether the command ran
 * on this node or on another.
 */
public record DomainError(ErrorCode code, String message, List<FieldIssue> details) {
    public DomainError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public DomainException toException() {
        return new DomainException(code, message, details);
    }
}
