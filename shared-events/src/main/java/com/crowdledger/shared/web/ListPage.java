package com.crowdledger.shared.web;

import java.util.List;

/** One page of a list: the items and, when there are more, the opaque cursor of the next page. */
public record ListPage<T>(List<T> items, String cursor, boolean hasMore) {

    public static <T> ListPage<T> complete(List<T> items) {
        return new ListPage<>(items, null, false);
    }
}
