package org.onegrid.ticket.domain.intake;

import org.onegrid.ticket.domain.TicketStatus;

/**
 * GeoReport v2 knows only "open" and "closed". A ticket is closed for the reporter once the work is done (resolved,
 * replied, closed) or it will not be done on its own (rejected, merged into another); the detailed state travels in
 * status_notes.
 */
public final class Open311Status {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    private Open311Status() {
    }

    public static String of(TicketStatus status) {
        return switch (status) {
            case RESOLVED, REPLIED, CLOSED, REJECTED, MERGED -> CLOSED;
            default -> OPEN;
        };
    }

    public static boolean isOpen(TicketStatus status) {
        return OPEN.equals(of(status));
    }
}
