package org.onegrid.analytics.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds talent and centre events into the activity view, once per event id. */
@Component
class ActivityEventsListener {

    static final String HANDLER = "analytics-activity-views";
    private final EventInbox inbox;
    private final ActivityEventUpdater updater;

    ActivityEventsListener(EventInbox inbox, ActivityEventUpdater updater) {
        this.inbox = inbox;
        this.updater = updater;
    }

    @KafkaListener(topics = {Topics.TALENT, Topics.CENTER})
    void on(ConsumerRecord<String, String> record) {
        inbox.handleOnce(HANDLER, record, updater::applyLive);
    }
}
