package org.onegrid.analytics.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every ticket event into the ticket views, once per event id. */
@Component
class TicketEventsListener {

    static final String HANDLER = "analytics-ticket-views";
    private final EventInbox inbox;
    private final TicketViewUpdater updater;

    TicketEventsListener(EventInbox inbox, TicketViewUpdater updater) {
        this.inbox = inbox;
        this.updater = updater;
    }

    @KafkaListener(topics = Topics.TICKET)
    void on(ConsumerRecord<String, String> record) {
        inbox.handleOnce(HANDLER, record, updater::applyLive);
    }
}
