package org.onegrid.center.store;

import java.util.List;

/** One page of a list, with the total for the filter. */
public record Paging<T>(List<T> items, int page, int size, long total) {
}
