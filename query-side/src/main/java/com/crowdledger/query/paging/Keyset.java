package com.crowdledger.query.paging;

/**
 * The JPQL of keyset pagination, newest first, written once. A list query names its entity {@code e}, has an
 * {@code createdAt} (Instant) and a unique {@code id}, and takes {@link PageRequest#afterCreatedAt()},
 * {@link PageRequest#afterId()} and {@link PageRequest#fetchLimit()}:
 *
 * <pre>{@code
 *   @Query("select e from FooView e where e.accountId = :accountId and " + Keyset.AFTER
 *           + " order by " + Keyset.NEWEST_FIRST)
 *   List<FooView> page(String accountId, Instant afterCreatedAt, String afterId, Limit limit);
 * }</pre>
 *
 * {@link #AFTER} is {@code (createdAt, id) < (:afterCreatedAt, :afterId)}. Its first conjunct is implied by the
 * second and is there for PostgreSQL: it bounds an index scan on {@code (..., created_at desc, id desc)} so that a
 * deep page starts where the cursor points instead of reading and discarding every newer row (the cost OFFSET has).
 * Back it with such an index, after the columns the query filters on by equality.
 */
public final class Keyset {
    public static final String AFTER = "(e.createdAt <= :afterCreatedAt"
            + " and (e.createdAt < :afterCreatedAt or e.id < :afterId))";
    public static final String NEWEST_FIRST = "e.createdAt desc, e.id desc";

    private Keyset() {
    }
}
