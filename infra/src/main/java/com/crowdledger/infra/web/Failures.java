package com.crowdledger.infra.web;

import com.crowdledger.shared.Ids;
import com.crowdledger.shared.error.DomainError;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What a failure means to the client, wherever it was thrown: a rule's {@link DomainException}, the same error
 * carried back from a command handler ({@link HandlerExecutionException#getDetails()}, so it survives a command bus
 * that spans nodes), or a race that the database settled (a unique index, a lock time-out, a deadlock, two commands
 * appending to one aggregate): those are 409 {@code CONFLICT}, and a retry gets a definite answer. Anything else is
 * the platform's fault.
 */
public final class Failures {
    /** PostgreSQL: unique_violation, serialization_failure, deadlock_detected, lock_not_available. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "55P03");
    /** PostgreSQL's class 22, data exceptions: a value the client sent that cannot be stored. */
    private static final String DATA_EXCEPTION_CLASS = "22";

    private Failures() {
    }

    /** The error to answer with; empty for an unexpected failure (500). */
    public static Optional<DomainError> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return Optional.of(domain.toError());
            }
            if (t instanceof HandlerExecutionException handler
                    && handler.getDetails().orElse(null) instanceof DomainError error) {
                return Optional.of(error);
            }
            if (t instanceof AggregateNotFoundException missing) {
                // the same answer as another account's object: nobody learns which ids exist
                return Optional.of(DomainException.notFound(Ids.nounOf(String.valueOf(missing.getAggregateIdentifier()))).toError());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
                    return Optional.of(new DomainError(ErrorCode.VALIDATION_ERROR, "A value cannot be stored: it is "
                            + "out of range, too long, or holds a character that is not allowed", List.of()));
                }
                if (CONFLICT_STATES.contains(sql.getSQLState())) {
                    return Optional.of(conflict());
                }
            }
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof ConcurrencyFailureException) {
                return Optional.of(conflict());
            }
        }
        // a constraint broken for another reason than a race (the cause chain held no known state)
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataIntegrityViolationException) {
                return Optional.of(conflict());
            }
        }
        return Optional.empty();
    }

    private static DomainError conflict() {
        return new DomainError(ErrorCode.CONFLICT,
                "This conflicts with a change made at the same moment; retry to get a definite answer", List.of());
    }
}
