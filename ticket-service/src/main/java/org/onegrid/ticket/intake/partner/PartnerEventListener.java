package org.onegrid.ticket.intake.partner;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;
import org.onegrid.events.partner.PartnerEvents;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.onegrid.platform.service.ApiException;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.intake.PartnerIntakeRules;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns partner events into tickets with channel PARTNER, whether they came through {@code POST /intake/events}
 * (structured mode, via the outbox) or straight from a Kafka-native partner (binary mode). Idempotent twice over:
 * the inbox drops a re-delivered event, and source + id is the ticket's unique source reference.
 */
@Component
public class PartnerEventListener {

    static final String HANDLER = "ticket-from-partner-event";

    private final EventInbox inbox;
    private final TicketService tickets;

    public PartnerEventListener(EventInbox inbox, TicketService tickets) {
        this.inbox = inbox;
        this.tickets = tickets;
    }

    @KafkaListener(topics = Topics.PARTNER)
    void on(ConsumerRecord<String, String> record) {
        inbox.handleOnce(HANDLER, KafkaCloudEvents.structured(record), this::toTicket);
    }

    private void toTicket(EventEnvelope event) {
        String sourceRef = PartnerIntakeRules.sourceRef(event.source(), event.id());
        String requesterRef = "partner:" + event.source();
        TicketService.Intake intake;
        if (PartnerEvents.VIDEO_INCIDENT.type().equals(event.type())) {
            var v = EventCodec.payload(event, PartnerEvents.VIDEO_INCIDENT);
            String label = PartnerIntakeRules.incidentLabel(v.incidentKind());
            intake = new TicketService.Intake(PartnerIntakeRules.CHANNEL, sourceRef, null, "雪亮工程: " + label,
                    "Camera " + v.cameraId() + " detected " + v.incidentKind() + " (" + label + ") at "
                            + v.detectedAt() + (v.confidence() == null ? "" : ", confidence " + v.confidence()),
                    null, v.lat(), v.lon(), null, null, requesterRef, null, null, null,
                    PartnerIntakeRules.categoryOfIncident(v.incidentKind()),
                    v.snapshotUrl() == null ? null : List.of(v.snapshotUrl()));
        } else if (PartnerEvents.WECHAT_REPORT.type().equals(event.type())) {
            var w = EventCodec.payload(event, PartnerEvents.WECHAT_REPORT);
            intake = new TicketService.Intake(PartnerIntakeRules.CHANNEL, sourceRef, null,
                    PartnerIntakeRules.title("随手拍", w.content()), w.content(), w.address(), w.lat(), w.lon(), null,
                    null, requesterRef, w.districtCode(), null, null, category(w.categoryHint()), w.mediaUrls());
        } else if (PartnerEvents.GOVAPP_COMPLAINT.type().equals(event.type())) {
            var c = EventCodec.payload(event, PartnerEvents.GOVAPP_COMPLAINT);
            intake = new TicketService.Intake(PartnerIntakeRules.CHANNEL, sourceRef, null,
                    PartnerIntakeRules.title("一鹿快办", c.content()), c.content(), c.address(), c.lat(), c.lon(),
                    null, null, requesterRef, c.districtCode(), null, null, category(c.categoryHint()), null);
        } else {
            return;
        }
        try {
            tickets.create(intake, Actor.system(requesterRef));
        } catch (ApiException e) {
            // The event itself is unusable here (outside Sanya, unknown district): retrying cannot help.
            throw new InvalidEventException(event.type() + " " + sourceRef + " cannot become a ticket: "
                    + e.getMessage(), e);
        }
    }

    private String category(String hint) {
        return hint != null && tickets.categoryExists(hint) ? hint : null;
    }
}
