package com.crowdledger.command.tracking.conversion;

import com.crowdledger.queries.conversion.ConversionSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a postback did: recorded a new conversion, or found the txn_id's conversion ({@code conversion} null). */
record RecordedConversion(String id, ConversionSummary conversion) {

    /** 201 with the new conversion, or 200 with {@code {duplicate: true, id}}. */
    ResponseEntity<Object> toResponse() {
        return conversion == null ? ResponseEntity.ok(DuplicateConversion.of(id))
                : ResponseEntity.status(HttpStatus.CREATED).body(conversion);
    }
}
