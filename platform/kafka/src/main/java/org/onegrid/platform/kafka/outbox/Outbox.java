package org.onegrid.platform.kafka.outbox;

import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;

/**
 * The transactional outbox, resting on single-document atomicity: the events a state change causes are pushed into
 * the {@value #FIELD} array of the very document that changes, in the same write. The {@link OutboxRelay} sends
 * them in order and then pulls them out. A state change and its events therefore never diverge, on the Mongo-wire
 * server and on a real replica set alike, without multi-document transactions.
 */
public final class Outbox {

    public static final String FIELD = "outbox";

    private Outbox() {
    }

    /** An update that appends the events to the aggregate's outbox; combine it with the state change. */
    public static Bson append(String key, List<EventEnvelope> events) {
        return Updates.pushEach(FIELD, entries(key, events));
    }

    /** Outbox entries to store in a new document's {@value #FIELD} field. */
    public static List<Document> entries(String key, List<EventEnvelope> events) {
        return events.stream().map(e -> entry(key, e)).toList();
    }

    static Document entry(String key, EventEnvelope event) {
        EventType<?> type = EventCatalog.find(event.type()).orElseThrow(() -> new IllegalArgumentException(
                event.type() + " is not in the event catalogue (and so not in docs/asyncapi.yaml)"));
        return new Document("eventId", event.id())
                .append("type", event.type())
                .append("topic", type.topic())
                .append("key", key)
                .append("value", EventCodec.encode(event))
                .append("createdAt", Date.from(event.time()));
    }
}
