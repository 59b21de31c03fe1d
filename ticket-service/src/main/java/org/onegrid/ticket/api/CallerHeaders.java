package org.onegrid.ticket.api;

import org.onegrid.platform.service.ApiException;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.Role;

/**
 * The caller as the gateway describes it in headers. The gateway authenticates; this service still checks each
 * command against the role, district and department (defence in depth).
 */
final class CallerHeaders {

    static final String ROLE = "X-OneGrid-Role";
    static final String USER = "X-OneGrid-User";
    static final String DISTRICT = "X-OneGrid-District";
    static final String DEPARTMENT = "X-OneGrid-Department";

    private CallerHeaders() {
    }

    static Actor actor(String role, String user, String district, String department) {
        if (role == null || role.isBlank()) {
            throw ApiException.badRequest(ROLE, "is required");
        }
        // The gateway lists every role a person holds; the first one this service knows decides.
        Role parsed = java.util.Arrays.stream(role.split(",")).map(String::strip)
                .map(Role::fromHeader).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> ApiException.badRequest(ROLE,
                        "must be one of grid-worker, dispatcher, department-handler, requester (resident), admin"));
        String userId = user == null || user.isBlank() ? "anonymous" : user.strip();
        return new Actor(userId, parsed, blankToNull(district), blankToNull(department));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
