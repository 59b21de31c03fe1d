package org.onegrid.ticket.domain;

import java.util.Arrays;
import java.util.Optional;

/** Who acts on a ticket; the header value is what the gateway puts in {@code X-OneGrid-Role}. */
public enum Role {
    GRID_WORKER("grid-worker"),
    DISPATCHER("dispatcher"),
    DEPARTMENT_HANDLER("department-handler"),
    REQUESTER("requester"),
    ADMIN("admin"),
    /** The service itself: deadline checker, intake from other services. Never accepted from a header. */
    SYSTEM("system");

    private final String header;

    Role(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static Optional<Role> fromHeader(String value) {
        // The gateway calls the person who raised a ticket a "resident".
        if ("resident".equalsIgnoreCase(value)) {
            return Optional.of(REQUESTER);
        }
        return Arrays.stream(values()).filter(r -> r != SYSTEM && r.header.equalsIgnoreCase(value)).findFirst();
    }
}
