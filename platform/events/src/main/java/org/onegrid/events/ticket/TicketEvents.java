package org.onegrid.events.ticket;

import org.onegrid.events.OptionalField;
import java.time.Instant;
import java.util.List;

import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;

/** Events of the grid-ticket closed loop, all on {@link Topics#TICKET}, keyed by ticket id. */
public final class TicketEvents {

    /** Every ticket event carries the ticket's facts as they are after it. */
    public interface AboutTicket {
        TicketFacts ticket();
    }

    /** The ticket facts of a ticket event (its payload decoded and checked against its type). */
    public static TicketFacts facts(EventEnvelope envelope) {
        EventType<?> type = ALL.stream().filter(t -> t.type().equals(envelope.type())).findFirst()
                .orElseThrow(() -> new InvalidEventException(envelope.type() + " is not a ticket event"));
        return ((AboutTicket) EventCodec.payload(envelope, type)).ticket();
    }

    public record Reported(TicketFacts ticket) implements AboutTicket {
    }

    public record Accepted(TicketFacts ticket, boolean likelyDuplicate) implements AboutTicket {
    }

    public record Rejected(TicketFacts ticket, @OptionalField String reason) implements AboutTicket {
    }

    public record Dispatched(TicketFacts ticket, String departmentCode, int dispatchCount) implements AboutTicket {
    }

    public record Returned(TicketFacts ticket, String departmentCode, @OptionalField String reason) implements AboutTicket {
    }

    public record Started(TicketFacts ticket) implements AboutTicket {
    }

    /** {@code handlingWorkingHours}: working hours from acceptance to resolution on the district's calendar. */
    public record Resolved(TicketFacts ticket, boolean onTheSpot, boolean onTime, double handlingWorkingHours,
                           @OptionalField String resolutionSummary) implements AboutTicket {
    }

    public record Replied(TicketFacts ticket, @OptionalField String replySummary) implements AboutTicket {
    }

    /** {@code rating}: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED. */
    public record Rated(TicketFacts ticket, String rating) implements AboutTicket {
    }

    public record Reopened(TicketFacts ticket, int reopenCount) implements AboutTicket {
    }

    /** {@code deadline}: FIRST_RESPONSE or SOLUTION; sent when 80 % of the working time has passed. */
    public record Warned(TicketFacts ticket, String deadline, Instant dueAt) implements AboutTicket {
    }

    /**
     * {@code deadline}: FIRST_RESPONSE or SOLUTION when that deadline passed; REOPEN_LIMIT when the requester was
     * unsatisfied again after the last allowed reopening. {@code escalationLevel}: 1 district, 2 city.
     */
    public record Escalated(TicketFacts ticket, String deadline, @OptionalField Instant dueAt, int escalationLevel) implements AboutTicket {
    }

    public record Merged(TicketFacts ticket, String parentTicketId) implements AboutTicket {
    }

    public record Closed(TicketFacts ticket, boolean rated) implements AboutTicket {
    }

    public static final EventType<Reported> REPORTED = type("reported", Reported.class);
    public static final EventType<Accepted> ACCEPTED = type("accepted", Accepted.class);
    public static final EventType<Rejected> REJECTED = type("rejected", Rejected.class);
    public static final EventType<Dispatched> DISPATCHED = type("dispatched", Dispatched.class);
    public static final EventType<Returned> RETURNED = type("returned", Returned.class);
    public static final EventType<Started> STARTED = type("started", Started.class);
    public static final EventType<Resolved> RESOLVED = type("resolved", Resolved.class);
    public static final EventType<Replied> REPLIED = type("replied", Replied.class);
    public static final EventType<Rated> RATED = type("rated", Rated.class);
    public static final EventType<Reopened> REOPENED = type("reopened", Reopened.class);
    public static final EventType<Warned> WARNED = type("warned", Warned.class);
    public static final EventType<Escalated> ESCALATED = type("escalated", Escalated.class);
    public static final EventType<Merged> MERGED = type("merged", Merged.class);
    public static final EventType<Closed> CLOSED = type("closed", Closed.class);

    public static final List<EventType<?>> ALL = List.of(REPORTED, ACCEPTED, REJECTED, DISPATCHED, RETURNED, STARTED,
            RESOLVED, REPLIED, RATED, REOPENED, WARNED, ESCALATED, MERGED, CLOSED);

    private TicketEvents() {
    }

    private static <T> EventType<T> type(String what, Class<T> payload) {
        return EventType.of("onegrid.ticket." + what + ".v1", Topics.TICKET, payload);
    }
}
