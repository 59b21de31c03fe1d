package org.onegrid.ticket.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        // The gateway lists every role a person holds; the first one this service knows decides.
        List<String> roles = Arrays.stream(role.split(",")).map(String::strip).toList();
        Optional<Role> parsed = roles.stream().map(Role::fromHeader).flatMap(Optional::stream).findFirst();
        if (parsed.isEmpty() && roles.stream().anyMatch(NO_TICKET_COMMANDS::contains)) {
            // Known OneGrid roles that the gateway lets read tickets but that command none: refused, not malformed.
            throw ApiException.forbidden("role " + role.strip() + " has no ticket commands");
        }
        Role actorRole = parsed.orElseThrow(() -> ApiException.badRequest(ROLE,
                "must be one of grid-worker, dispatcher, department-handler, requester (resident), admin"));
        String userId = user == null || user.isBlank() ? "anonymous" : user.strip();
        return new Actor(userId, actorRole, blankToNull(district), blankToNull(department));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
