package org.onegrid.platform.service;

/** Checks of the from/to pairs list and figure endpoints take. */
public final class Ranges {

    private Ranges() {
    }

    /**
     * Refuses a range that ends before it starts: answered with an empty page or zero figures, it would read as
     * "nothing happened" rather than as a mistake in the request.
     */
    public static <T extends Comparable<? super T>> void requireOrdered(String fromField, T from, String toField, T to) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw ApiException.badRequest(toField, "must not be before " + fromField);
        }
    }
}
