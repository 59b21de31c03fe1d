package org.onegrid.center.api;

import java.util.List;
import java.util.function.Function;

import org.onegrid.center.store.Paging;
import org.onegrid.platform.service.ApiException;

/** Paged list answers; {@code size} is capped so that a client cannot ask for the whole collection. */
public record Pages<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page", "must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    static <D, T> Pages<T> of(Paging<D> paging, Function<D, T> view) {
        return new Pages<>(paging.items().stream().map(view).toList(), paging.page(), paging.size(), paging.total());
    }
}
