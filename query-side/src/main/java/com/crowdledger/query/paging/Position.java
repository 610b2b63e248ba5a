package com.crowdledger.query.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page ends in a newest-first list: the {@code createdAt} and {@code id} of its last item. The next page is
 * every item that sorts after it, i.e. {@code (createdAt, id) < (position.createdAt, position.id)}.
 *
 * @param createdAt exactly as read from the database (PostgreSQL keeps microseconds; the cursor keeps every digit)
 */
public record Position(Instant createdAt, String id) {
    public Position {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
