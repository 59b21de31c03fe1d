package org.onegrid.ticket.domain;

import java.util.EnumSet;
import java.util.Set;

/** The states of the closed loop (五步工作法: collect → manage → report → handle → reply) plus its detours. */
public enum TicketStatus {
    REPORTED, ACCEPTED, DISPATCHED, IN_PROGRESS, RESOLVED, REPLIED, CLOSED, RETURNED, REJECTED, MERGED, REOPENED;

    /** States in which somebody still owes the requester a solution, so the solution deadline runs. */
    public static final Set<TicketStatus> AWAITING_SOLUTION =
            EnumSet.of(REPORTED, ACCEPTED, DISPATCHED, IN_PROGRESS, RETURNED, REOPENED);

    public boolean awaitsSolution() {
        return AWAITING_SOLUTION.contains(this);
    }
}
