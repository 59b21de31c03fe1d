package org.onegrid.ticket.domain;

import java.time.Instant;

import static org.onegrid.ticket.domain.TicketStatus.REPLIED;
import static org.onegrid.ticket.domain.TicketStatus.REPORTED;

/**
 * When the deadline checker next has something to do for a ticket: the earliest pending warning or escalation of its
 * running deadlines, or the end of its rating window.
 */
final class DeadlineSchedule {

    private DeadlineSchedule() {
    }

    static Instant next(TicketData d) {
        Instant next = null;
        if (d.status == REPORTED && d.firstResponse != null) {
            next = earliest(next, pendingAt(d.firstResponse));
        }
        if (d.status.awaitsSolution() && d.solution != null) {
            next = earliest(next, pendingAt(d.solution));
        }
        if (d.status == REPLIED) {
            next = earliest(next, d.ratingDueAt);
        }
        return next;
    }

    private static Instant pendingAt(Deadline deadline) {
        if (!deadline.warned()) {
            return deadline.warnAt();
        }
        return deadline.escalated() ? null : deadline.dueAt();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
