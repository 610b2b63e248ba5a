package com.crowdledger.query.paging;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.ListPage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.data.domain.Limit;

/**
 * The page a list endpoint was asked for ({@code ?limit=&cursor=}). Controllers take it as a parameter (see
 * {@link PagingWebConfiguration}); it is already validated when they get it. Every list endpoint then does three
 * things:
 *
 * <pre>{@code
 *   List<FooView> rows = foos.page(accountId, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
 *   return page.toListPage(rows, FooView::position, this::summaries);
 * }</pre>
 *
 * with a repository query built from {@link Keyset} (newest first, keyset, {@code limit + 1} rows, never OFFSET).
 */
public final class PageRequest {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final String LIMIT = "limit";

    /**
     * Where the first page starts: after every item ever created. Lets one repository query serve the first and the
     * following pages ({@code createdAt <= :at and (createdAt < :at or id < :id)} holds for every stored row).
     */
    static final Position START = new Position(Instant.parse("9999-12-31T23:59:59.999999Z"), "");

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final int limit;
    private final Position after;
    private final CursorCodec cursors;

    private PageRequest(int limit, Position after, CursorCodec cursors) {
        this.limit = limit;
        this.after = after;
        this.cursors = cursors;
    }

    /**
     * Parses the query parameters; a missing or empty one takes its default (20 items, the first page).
     *
     * @throws DomainException VALIDATION_ERROR on {@code limit} (not a whole number in 1..100) or {@code cursor}
     *                      (not a cursor this API wrote)
     */
    public static PageRequest parse(String limit, String cursor, CursorCodec cursors) {
        return new PageRequest(parseLimit(limit), isBlank(cursor) ? null : cursors.decode(cursor.strip()), cursors);
    }

    static int parseLimit(String limit) {
        if (isBlank(limit)) {
            return DEFAULT_LIMIT;
        }
        String digits = limit.strip();
        if (!DIGITS.matcher(digits).matches()) {
            throw DomainException.invalid(LIMIT, "must be a whole number between 1 and " + MAX_LIMIT);
        }
        int value = Integer.parseInt(digits);
        if (value < 1 || value > MAX_LIMIT) {
            throw DomainException.invalid(LIMIT, "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    /** How many items the client asked for. */
    public int limit() {
        return limit;
    }

    /** How many rows to fetch: one more than the limit, to learn whether there is a next page. */
    public Limit fetchLimit() {
        return Limit.of(limit + 1);
    }

    /** The {@code :afterCreatedAt} of a {@link Keyset} query. */
    public Instant afterCreatedAt() {
        return (after != null ? after : START).createdAt();
    }

    /** The {@code :afterId} of a {@link Keyset} query. */
    public String afterId() {
        return (after != null ? after : START).id();
    }

    /** True when this is the first page (no cursor given). */
    public boolean isFirstPage() {
        return after == null;
    }

    /**
     * The page to answer from the rows a {@link Keyset} query fetched with {@link #fetchLimit()}: at most
     * {@code limit} items; {@code hasMore} and the cursor (the position of the last item) when a row was left over.
     *
     * @param fetched  rows in keyset order, at most {@code limit + 1}
     * @param position the keyset position of a row
     * @param render   turns the rows kept into the items of the response
     */
    public <T, R> ListPage<R> toListPage(List<T> fetched, Function<? super T, Position> position,
                                         Function<List<T>, List<R>> render) {
        boolean hasMore = fetched.size() > limit;
        List<T> kept = hasMore ? fetched.subList(0, limit) : fetched;
        String next = hasMore ? cursors.encode(position.apply(kept.get(kept.size() - 1))) : null;
        return new ListPage<>(render.apply(List.copyOf(kept)), next, hasMore);
    }

    /** {@link #toListPage(List, Function, Function)} for rows that are the items. */
    public <T> ListPage<T> toListPage(List<T> fetched, Function<? super T, Position> position) {
        return toListPage(fetched, position, Function.identity());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRequest other && limit == other.limit && Objects.equals(after, other.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, after);
    }

    @Override
    public String toString() {
        return "PageRequest[limit=" + limit + ", after=" + after + "]";
    }
}
