package com.crowdledger.command;

import com.crowdledger.shared.web.ApiException;
import com.crowdledger.shared.web.ErrorCode;
import com.crowdledger.shared.web.FieldIssue;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for the {@link ApiException} an aggregate throws: its error code, and the field at fault. */
public final class ApiErrors {
    private ApiErrors() {
    }

    /** An {@link ApiException} with this code. */
    public static Matcher<ApiException> apiError(ErrorCode code) {
        return apiError(code, null);
    }

    /** A {@code VALIDATION_ERROR} whose details name this field. */
    public static Matcher<ApiException> invalidField(String field) {
        return apiError(ErrorCode.VALIDATION_ERROR, field);
    }

    private static Matcher<ApiException> apiError(ErrorCode code, String field) {
        return new TypeSafeDiagnosingMatcher<>(ApiException.class) {
            @Override
            protected boolean matchesSafely(ApiException exception, Description mismatch) {
                boolean fieldMatches = field == null
                        || exception.details().stream().map(FieldIssue::field).anyMatch(field::equals);
                if (exception.code() != code || !fieldMatches) {
                    mismatch.appendText("was ApiException ").appendValue(exception.code())
                            .appendText(" \"").appendText(exception.getMessage()).appendText("\" with details ")
                            .appendValue(exception.details());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ApiException ").appendValue(code);
                if (field != null) {
                    description.appendText(" on field ").appendValue(field);
                }
            }
        };
    }
}
