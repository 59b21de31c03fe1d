package org.onegrid.analytics.events;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every ticket event into the ticket views, once per event id. Ticket events are analytics' volume, so they
 * come a poll at a time: the inbox checks a poll's ids with one query and the views fold its changes per ticket, a
 * few requests per poll instead of three per event; polls of up to 2,000 records (not the default 500) halve the
 * requests again when a backlog is waiting, and cost nothing when events trickle in. A record that cannot be read goes
 * to the DLT on its own (see {@link EventInbox#handleBatchOnce}).
 */
@Component
class TicketEventsListener {

    static final String HANDLER = "analytics-ticket-views";
    private final EventInbox inbox;
    private final TicketViewUpdater updater;

    TicketEventsListener(EventInbox inbox, TicketViewUpdater updater) {
        this.inbox = inbox;
        this.updater = updater;
    }

    @KafkaListener(topics = Topics.TICKET, batch = "true", properties = "max.poll.records=2000")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handleBatchOnce(HANDLER, records, (record, envelope) -> new LiveTicketChange(TicketChanges.from(envelope),
                new TopicPartition(record.topic(), record.partition()), record.offset()), updater::applyLive);
    }
}
