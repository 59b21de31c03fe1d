package org.onegrid.center.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.center.store.AppealStore;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the centres' public boards in step with the tickets their appeals became: only tickets of channel CENTER
 * whose sourceRef is an appeal id matter here.
 */
@Component
class TicketBoardListener {

    static final String HANDLER = "center-board";

    private final EventInbox inbox;
    private final AppealStore appeals;

    TicketBoardListener(EventInbox inbox, AppealStore appeals) {
        this.inbox = inbox;
        this.appeals = appeals;
    }

    @KafkaListener(topics = Topics.TICKET)
    void on(ConsumerRecord<String, String> record) {
        // Most tickets did not come from an appeal: those cost no inbox writes here.
        inbox.handleOnce(HANDLER, record, e -> toUpdate(e) != null, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        AppealStore.TicketUpdate update = toUpdate(envelope);
        if (update != null) {
            appeals.applyTicket(update);
        }
    }

    static AppealStore.TicketUpdate toUpdate(EventEnvelope e) {
        String type = e.type();
        TicketFacts facts;
        String resolution = null;
        String reply = null;
        String rating = null;
        if (type.equals(TicketEvents.RESOLVED.type())) {
            var resolved = EventCodec.payload(e, TicketEvents.RESOLVED);
            facts = resolved.ticket();
            resolution = resolved.resolutionSummary();
        } else if (type.equals(TicketEvents.REPLIED.type())) {
            var replied = EventCodec.payload(e, TicketEvents.REPLIED);
            facts = replied.ticket();
            reply = replied.replySummary();
        } else if (type.equals(TicketEvents.RATED.type())) {
            var rated = EventCodec.payload(e, TicketEvents.RATED);
            facts = rated.ticket();
            rating = rated.rating();
        } else {
            facts = TicketEvents.facts(e);
        }
        if (facts == null || !"CENTER".equals(facts.channel()) || facts.sourceRef() == null) {
            return null;
        }
        return new AppealStore.TicketUpdate(facts.sourceRef(), facts.ticketId(), facts.ticketNo(), facts.status(),
                e.time(), resolution, reply, rating);
    }
}
