package org.onegrid.ticket.events;

import java.util.List;

import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.ticket.domain.TicketChange;
import org.onegrid.ticket.domain.TicketData;
import org.springframework.stereotype.Component;

/**
 * Turns what a command changed into the published events, each carrying the ticket's facts as they are after the
 * command. Free text (reasons, summaries) is scrubbed of phone and ID numbers; names never leave the service.
 */
@Component
public class TicketEventMapper {

    private final EventFactory events;

    public TicketEventMapper(EventFactory events) {
        this.events = events;
    }

    public List<EventEnvelope> toEvents(TicketData ticket, List<TicketChange> changes) {
        TicketFacts facts = facts(ticket);
        return changes.stream().map(change -> toEvent(ticket.id, facts, change)).toList();
    }

    public static TicketFacts facts(TicketData t) {
        return new TicketFacts(t.id, t.ticketNo, t.channel, t.sourceRef, t.districtCode, t.communityCode, t.gridCode,
                t.categoryCode, t.departmentCode, t.status.name(), t.escalationLevel, t.reopenCount, t.reportedAt,
                t.acceptedAt, t.firstResponseAt, t.resolvedAt,
                t.firstResponse == null ? null : t.firstResponse.dueAt(),
                t.solution == null ? null : t.solution.dueAt());
    }

    private EventEnvelope toEvent(String id, TicketFacts f, TicketChange change) {
        if (change instanceof TicketChange.Reported) {
            return events.create(TicketEvents.REPORTED, id, new TicketEvents.Reported(f));
        } else if (change instanceof TicketChange.Accepted c) {
            return events.create(TicketEvents.ACCEPTED, id, new TicketEvents.Accepted(f, c.likelyDuplicate()));
        } else if (change instanceof TicketChange.Rejected c) {
            return events.create(TicketEvents.REJECTED, id, new TicketEvents.Rejected(f, scrub(c.reason())));
        } else if (change instanceof TicketChange.Dispatched c) {
            return events.create(TicketEvents.DISPATCHED, id,
                    new TicketEvents.Dispatched(f, c.departmentCode(), c.dispatchCount()));
        } else if (change instanceof TicketChange.Returned c) {
            return events.create(TicketEvents.RETURNED, id,
                    new TicketEvents.Returned(f, c.departmentCode(), scrub(c.reason())));
        } else if (change instanceof TicketChange.Started) {
            return events.create(TicketEvents.STARTED, id, new TicketEvents.Started(f));
        } else if (change instanceof TicketChange.Resolved c) {
            return events.create(TicketEvents.RESOLVED, id, new TicketEvents.Resolved(f, c.onTheSpot(), c.onTime(),
                    c.handlingWorkingHours(), scrub(c.summary())));
        } else if (change instanceof TicketChange.Replied c) {
            return events.create(TicketEvents.REPLIED, id, new TicketEvents.Replied(f, scrub(c.summary())));
        } else if (change instanceof TicketChange.Rated c) {
            return events.create(TicketEvents.RATED, id, new TicketEvents.Rated(f, c.rating().name()));
        } else if (change instanceof TicketChange.Reopened c) {
            return events.create(TicketEvents.REOPENED, id, new TicketEvents.Reopened(f, c.reopenCount()));
        } else if (change instanceof TicketChange.Warned c) {
            return events.create(TicketEvents.WARNED, id, new TicketEvents.Warned(f, c.deadline(), c.dueAt()));
        } else if (change instanceof TicketChange.Escalated c) {
            return events.create(TicketEvents.ESCALATED, id,
                    new TicketEvents.Escalated(f, c.reason(), c.dueAt(), c.escalationLevel()));
        } else if (change instanceof TicketChange.Merged c) {
            return events.create(TicketEvents.MERGED, id, new TicketEvents.Merged(f, c.parentTicketId()));
        } else if (change instanceof TicketChange.Closed c) {
            return events.create(TicketEvents.CLOSED, id, new TicketEvents.Closed(f, c.rated()));
        }
        throw new IllegalArgumentException("no event for " + change);
    }

    private static String scrub(String text) {
        return PersonalData.scrubText(text);
    }
}
