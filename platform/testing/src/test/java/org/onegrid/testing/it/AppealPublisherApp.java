package org.onegrid.testing.it;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.platform.kafka.outbox.OutboxCollections;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A minimal service that stores appeals and publishes them through the shared outbox. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AppealPublisherApp {

    static final String COLLECTION = "appeals";

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(COLLECTION);
    }

    /** The state change and its event in one document write, as a real service does it. */
    static EventEnvelope submit(MongoDatabase db, EventFactory events, CenterEvents.AppealSubmitted appeal) {
        EventEnvelope event = events.create(CenterEvents.APPEAL_SUBMITTED, appeal.appealId(), appeal);
        db.getCollection(COLLECTION).insertOne(new Document("_id", appeal.appealId())
                .append("content", appeal.content())
                .append(Outbox.FIELD, Outbox.entries(appeal.appealId(), List.of(event))));
        return event;
    }
}
