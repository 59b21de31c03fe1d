package org.onegrid.platform.kafka.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.onegrid.events.EventEnvelope;

/**
 * The idempotent-consumer record: which event ids each handler of this service has already applied, kept in the
 * service's own database ({@code processed_events}, one document per handler and event id).
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private static final int IN_CHUNK = 250;

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

    /**
     * Which of these event ids {@code handler} has already applied: one query per {@value #IN_CHUNK} ids (the
     * embedded server matches each document it finds against the whole {@code $in} list, so the lists stay short).
     */
    public Set<String> processedOf(String handler, Collection<String> eventIds) {
        List<String> keys = eventIds.stream().map(id -> key(handler, id)).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            collection.find(Filters.in("_id", keys.subList(i, Math.min(keys.size(), i + IN_CHUNK))))
                    .projection(Projections.include("eventId"))
                    .forEach(d -> found.add(d.getString("eventId")));
        }
        return found;
    }

    /**
     * Marks these events processed with one unordered insert; ids already marked (another delivery got there first)
     * are left as they are.
     */
    public void markAllProcessed(String handler, Collection<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<Document> documents = new ArrayList<>(events.size());
        for (EventEnvelope e : events) {
            documents.add(new Document("_id", key(handler, e.id()))
                    .append("handler", handler)
                    .append("eventId", e.id())
                    .append("type", e.type())
                    .append("processedAt", now));
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    public long count(String handler) {
        return collection.countDocuments(Filters.eq("handler", handler));
    }

    private static String key(String handler, String eventId) {
        return handler + "|" + eventId;
    }
}
