package org.onegrid.ticket.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.EventCodec;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.onegrid.platform.service.ApiException;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.Actor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns residents' appeals (诉求) dropped at a service centre into tickets with channel CENTER. Idempotent twice over:
 * the inbox drops a re-delivered event, and the appeal id is the ticket's unique source reference.
 */
@Component
public class AppealListener {

    static final String HANDLER = "ticket-from-appeal";
    private static final int TITLE_LENGTH = 40;

    private final EventInbox inbox;
    private final TicketService tickets;

    public AppealListener(EventInbox inbox, TicketService tickets) {
        this.inbox = inbox;
        this.tickets = tickets;
    }

    @KafkaListener(topics = Topics.CENTER)
    void on(ConsumerRecord<String, String> record) {
        inbox.handleOnce(HANDLER, record, envelope -> {
            if (!CenterEvents.APPEAL_SUBMITTED.type().equals(envelope.type())) {
                return;
            }
            var appeal = EventCodec.payload(envelope, CenterEvents.APPEAL_SUBMITTED);
            String content = appeal.content() == null ? "" : appeal.content().strip();
            String title = content.isEmpty() ? "Appeal at " + appeal.centerName()
                    : content.codePointCount(0, content.length()) <= TITLE_LENGTH ? content
                    : content.substring(0, content.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
            String category = appeal.categoryHint() != null && tickets.categoryExists(appeal.categoryHint())
                    ? appeal.categoryHint() : null;
            try {
                tickets.create(new TicketService.Intake("CENTER", appeal.appealId(), null, title, content,
                        appeal.centerName(), appeal.lat(), appeal.lon(), null, null, appeal.requesterRef(),
                        appeal.districtCode(), appeal.communityCode(), null, category, null),
                        Actor.system("center:" + appeal.centerId()));
            } catch (ApiException e) {
                // The appeal itself is unusable (unknown district, bad coordinates): retrying cannot help.
                throw new InvalidEventException("appeal " + appeal.appealId() + " cannot become a ticket: "
                        + e.getMessage(), e);
            }
        });
    }
}
