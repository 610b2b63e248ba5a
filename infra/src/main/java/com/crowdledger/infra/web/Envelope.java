package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one shape of every response (SPEC §3): {@code {success, data | error, meta}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(boolean success, Object data, Error error, Meta meta) {

    public static Envelope data(Object data, Meta meta) {
        return new Envelope(true, data, null, meta);
    }

    public static Envelope error(ErrorCode code, String message, List<FieldIssue> details, String requestId) {
        return new Envelope(false, null, new Error(code.name(), message, ErrorStatus.of(code), details),
                Meta.of(requestId));
    }

    public record Error(String code, String message, int status, List<FieldIssue> details) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(String requestId, Instant timestamp, @Nullable String cursor, @Nullable Boolean hasMore) {
        public static Meta of(String requestId) {
            return new Meta(requestId, Instant.now(), null, null);
        }

        public static Meta page(String requestId, String cursor, boolean hasMore) {
            return new Meta(requestId, Instant.now(), cursor, hasMore);
        }
    }
}
