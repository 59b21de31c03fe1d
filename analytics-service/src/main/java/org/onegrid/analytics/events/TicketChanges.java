package org.onegrid.analytics.events;

import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.domain.TicketSnapshot;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;

/** Reads a ticket event's payload into the analytics domain's {@link TicketChange}. */
final class TicketChanges {

    private TicketChanges() {
    }

    static TicketChange from(EventEnvelope envelope) {
        EventType<?> type = EventCatalog.find(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        Object payload = EventCodec.payload(envelope, type);
        String kind = shared(envelope.type().split("\\.")[2]);
        String rating = null;
        Boolean onTime = null;
        Double hours = null;
        if (payload instanceof TicketEvents.Rated rated) {
            rating = rated.rating();
        }
        if (payload instanceof TicketEvents.Resolved resolved) {
            onTime = resolved.onTime();
            hours = resolved.handlingWorkingHours();
        }
        return new TicketChange(envelope.id(), kind, envelope.time(), snapshot(facts(payload)), rating, onTime, hours);
    }

    private static TicketFacts facts(Object payload) {
        if (!(payload instanceof TicketEvents.AboutTicket about)) {
            throw new InvalidEventException(payload.getClass().getSimpleName() + " carries no ticket facts");
        }
        TicketFacts facts = about.ticket();
        if (facts == null || facts.ticketId() == null) {
            throw new InvalidEventException("ticket event without a ticket id");
        }
        return facts;
    }

    /**
     * One copy of each code: a replay holds the changes of tens of thousands of tickets at once (see
     * {@link ViewRebuilder}), and these few values would otherwise be a new string in every change.
     */
    private static String shared(String code) {
        return code == null ? null : code.intern();
    }

    private static TicketSnapshot snapshot(TicketFacts f) {
        return new TicketSnapshot(f.ticketId(), shared(f.channel()), shared(f.districtCode()),
                shared(f.communityCode()), shared(f.gridCode()), shared(f.categoryCode()), shared(f.departmentCode()),
                shared(f.status()), f.escalationLevel(), f.reportedAt(),
                f.acceptedAt(), f.firstResponseAt(), f.resolvedAt(), f.firstResponseDueAt(), f.solutionDueAt());
    }
}
