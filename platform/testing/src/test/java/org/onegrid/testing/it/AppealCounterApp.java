package org.onegrid.testing.it;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.EventCodec;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/** A minimal consuming service: counts how often each appeal's effect was applied. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AppealCounterApp {

    static final String EFFECTS = "appeal_effects";

    @Bean
    AppealCounter appealCounter(EventInbox inbox, MongoDatabase db) {
        return new AppealCounter(inbox, db);
    }

    static class AppealCounter {
        private final EventInbox inbox;
        private final MongoDatabase db;

        AppealCounter(EventInbox inbox, MongoDatabase db) {
            this.inbox = inbox;
            this.db = db;
        }

        @KafkaListener(topics = Topics.CENTER)
        void on(ConsumerRecord<String, String> record) {
            inbox.handleOnce("appeal-counter", record, envelope -> {
                var appeal = EventCodec.payload(envelope, CenterEvents.APPEAL_SUBMITTED);
                // Deliberately not idempotent by itself ($inc), so only the inbox stands between a re-send and a
                // double count.
                db.getCollection(EFFECTS).updateOne(Filters.eq("_id", appeal.appealId()), Updates.inc("applied", 1),
                        new UpdateOptions().upsert(true));
            });
        }
    }
}
