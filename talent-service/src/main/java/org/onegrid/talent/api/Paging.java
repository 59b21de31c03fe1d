package org.onegrid.talent.api;

import org.onegrid.platform.service.ApiException;

final class Paging {

    static final int MAX_SIZE = 100;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
