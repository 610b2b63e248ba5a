package com.crowdledger.command;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for the {@link DomainException} an aggregate throws: its error code, and the field at fault. */
public final class DomainErrors {
    private DomainErrors() {
    }

    /** A {@link DomainException} with this code. */
    public static Matcher<DomainException> domainError(ErrorCode code) {
        return domainError(code, null);
    }

    /** A {@code VALIDATION_ERROR} whose details name this field. */
    public static Matcher<DomainException> invalidField(String field) {
        return domainError(ErrorCode.VALIDATION_ERROR, field);
    }

    private static Matcher<DomainException> domainError(ErrorCode code, String field) {
        return new TypeSafeDiagnosingMatcher<>(DomainException.class) {
            @Override
            protected boolean matchesSafely(DomainException exception, Description mismatch) {
                boolean fieldMatches = field == null
                        || exception.details().stream().map(FieldIssue::field).anyMatch(field::equals);
                if (exception.code() != code || !fieldMatches) {
                    mismatch.appendText("was DomainException ").appendValue(exception.code())
                            .appendText(" \"").appendText(exception.getMessage()).appendText("\" with details ")
                            .appendValue(exception.details());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException ").appendValue(code);
                if (field != null) {
                    description.appendText(" on field ").appendValue(field);
                }
            }
        };
    }
}
