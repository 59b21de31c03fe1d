package org.onegrid.ticket.domain;

import java.time.Instant;

/** What a command changed, in domain terms; the events layer turns each into the published event. */
public sealed interface TicketChange {

    record Reported() implements TicketChange { }

    record Accepted(boolean likelyDuplicate) implements TicketChange { }

    record Rejected(String reason) implements TicketChange { }

    record Dispatched(String departmentCode, int dispatchCount) implements TicketChange { }

    record Returned(String departmentCode, String reason) implements TicketChange { }

    record Started() implements TicketChange { }

    record Resolved(boolean onTheSpot, boolean onTime, double handlingWorkingHours, String summary)
            implements TicketChange { }

    record Replied(String summary) implements TicketChange { }

    record Rated(Rating rating) implements TicketChange { }

    record Reopened(int reopenCount) implements TicketChange { }

    /** {@code reason}: FIRST_RESPONSE or SOLUTION (a deadline), or REOPEN_LIMIT (unsatisfied too often). */
    record Warned(String deadline, Instant dueAt) implements TicketChange { }

    record Escalated(String reason, Instant dueAt, int escalationLevel) implements TicketChange { }

    record Merged(String parentTicketId) implements TicketChange { }

    record Closed(boolean rated) implements TicketChange { }
}
