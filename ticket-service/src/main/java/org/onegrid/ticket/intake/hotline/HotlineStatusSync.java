package org.onegrid.ticket.intake.hotline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.events.Topics;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 回访/反馈: turns a hotline ticket's dispatch, resolution, reply and rating into status callbacks queued for the
 * hotline system (one per case number mapped to the ticket, merged repeat calls included). Events of one ticket
 * arrive in order (keyed by ticket id), so the queue's per-case numbering follows the ticket's history.
 */
@Component
public class HotlineStatusSync {

    static final String HANDLER = "hotline-status-sync";

    private final EventInbox inbox;
    private final HotlineStore store;
    private final HotlineSettings settings;
    private final Clock clock;

    public HotlineStatusSync(EventInbox inbox, HotlineStore store, HotlineSettings settings,
                             Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.TICKET, groupId = "${onegrid.intake.hotline.sync-group:ticket-service-hotline-sync}")
    void on(ConsumerRecord<String, String> record) {
        // Only four statuses of hotline tickets go back to the hotline: the rest cost no inbox writes here.
        inbox.handleOnce(HANDLER, record, e -> SYNCED.contains(e.type()) && fromHotline(e), this::apply);
    }

    private static final Set<String> SYNCED = Set.of(TicketEvents.DISPATCHED.type(), TicketEvents.RESOLVED.type(),
            TicketEvents.REPLIED.type(), TicketEvents.RATED.type());

    /** Cases only ever become or join tickets of the hotline's own channel. */
    private static boolean fromHotline(EventEnvelope e) {
        return HotlineIntake.CHANNEL.equals(TicketEvents.facts(e).channel());
    }

    private void apply(EventEnvelope envelope) {
        Map<String, Object> message = new LinkedHashMap<>();
        TicketFacts facts;
        String type = envelope.type();
        if (TicketEvents.DISPATCHED.type().equals(type)) {
            facts = EventCodec.payload(envelope, TicketEvents.DISPATCHED).ticket();
            message.put("status", "DISPATCHED");
        } else if (TicketEvents.RESOLVED.type().equals(type)) {
            var e = EventCodec.payload(envelope, TicketEvents.RESOLVED);
            facts = e.ticket();
            message.put("status", "RESOLVED");
            message.put("detail", PersonalData.scrubText(e.resolutionSummary()));
        } else if (TicketEvents.REPLIED.type().equals(type)) {
            var e = EventCodec.payload(envelope, TicketEvents.REPLIED);
            facts = e.ticket();
            message.put("status", "REPLIED");
            message.put("detail", PersonalData.scrubText(e.replySummary()));
        } else if (TicketEvents.RATED.type().equals(type)) {
            var e = EventCodec.payload(envelope, TicketEvents.RATED);
            facts = e.ticket();
            message.put("status", "RATED");
            message.put("rating", e.rating());
        } else {
            return;
        }
        for (Document caseDoc : store.casesOfTicket(facts.ticketId())) {
            HotlineSettings.Partner partner = settings.partner(caseDoc.getString("partner"));
            if (partner == null || !partner.hasCallback()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseNo", caseDoc.getString("caseNo"));
            m.put("ticketId", facts.ticketId());
            m.put("ticketNo", facts.ticketNo());
            m.putAll(message);
            m.put("occurredAt", envelope.time().toString());
            String deliveryId = UUID.nameUUIDFromBytes((envelope.id() + "|" + caseDoc.getString("_id"))
                    .getBytes(StandardCharsets.UTF_8)).toString();
            m.put("deliveryId", deliveryId);
            store.enqueue(deliveryId, caseDoc, m, clock.instant());
        }
    }
}
