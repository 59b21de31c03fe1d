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

    private static final java.util.Set<String> NO_TICKET_COMMANDS = java.util.Set.of("center-staff", "liaison",
            "talent", "analyst");

    private CallerHeaders() {
    }

    static Actor actor(String role, String user, String district, String department) {
        if (role == null || role.isBlank()) {
            throw ApiException.badRequest(ROLE, "is required");
        }
        if (NO_TICKET_COMMANDS.contains(role.strip())) {
            // Known OneGrid roles that the gateway lets read tickets but that command none: refused, not malformed.
            throw ApiException.forbidden("role " + role.strip() + " has no ticket commands");
        }
        Role parsed = Role.fromHeader(role.strip()).orElseThrow(() -> ApiException.badRequest(ROLE,
                "must be one of grid-worker, dispatcher, department-handler, requester, admin"));
        String userId = user == null || user.isBlank() ? "anonymous" : user.strip();
        return new Actor(userId, parsed, blankToNull(district), blankToNull(department));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
