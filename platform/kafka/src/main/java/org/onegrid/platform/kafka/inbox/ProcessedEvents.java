package org.onegrid.platform.kafka.inbox;

import java.time.Clock;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The idempotent-consumer record: which event ids each handler of this service has already applied, kept in the
 * service's own database ({@code processed_events}, one document per handler and event id).
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEvents(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public boolean isProcessed(String handler, String eventId) {
        return collection.find(Filters.eq("_id", key(handler, eventId))).first() != null;
    }

    /** @return false if it was already marked (another delivery got there first) */
    public boolean markProcessed(String handler, String eventId, String type) {
        try {
            collection.insertOne(new Document("_id", key(handler, eventId))
                    .append("handler", handler)
                    .append("eventId", eventId)
                    .append("type", type)
                    .append("processedAt", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public long count(String handler) {
        return collection.countDocuments(Filters.eq("handler", handler));
    }

    private static String key(String handler, String eventId) {
        return handler + "|" + eventId;
    }
}
