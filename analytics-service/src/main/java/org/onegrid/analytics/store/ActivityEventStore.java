package org.onegrid.analytics.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventType;
import org.springframework.stereotype.Component;

/**
 * Talent and centre events, one document per event id ({@code activity_events_<generation>}): inserting by event id
 * makes the view idempotent and independent of arrival order, and counts per type, district and month are
 * aggregations over it.
 */
@Component
public class ActivityEventStore {

    private static final ZoneId SANYA = ZoneId.of("Asia/Shanghai");
    private final MongoDatabase database;

    public ActivityEventStore(MongoDatabase database) {
        this.database = database;
    }

    public record Count(String type, String district, String month, long events, double amount) {
    }

    /** Stores the event once; a repeat is ignored. */
    public void record(int generation, String eventId, String type, String subject, Instant time, String district,
                       Double amount, Document data) {
        try {
            collection(generation).insertOne(document(eventId, type, subject, time, district, amount, data));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Stores many events with one unordered insert (a replay); repeats are ignored as in {@link #record}. */
    public void recordAll(int generation, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection(generation).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream()
                    .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /** The stored form of one event ({@code _id} = event id). */
    public static Document document(String eventId, String type, String subject, Instant time, String district,
                                    Double amount, Document data) {
        var local = time.atZone(SANYA);
        return new Document("_id", eventId)
                .append("type", type)
                .append("subject", subject)
                .append("time", Date.from(time))
                .append("month", String.format("%d-%02d", local.getYear(), local.getMonthValue()))
                .append("district", district == null ? "UNKNOWN" : district)
                .append("amount", amount == null ? 0.0 : amount)
                .append("data", data);
    }

    /** Event counts (and summed amounts, e.g. volunteer hours) per type, district and month. */
    public List<Count> counts(int generation, String typePrefix, String district) {
        List<Bson> match = new ArrayList<>();
        match.add(Filters.regex("type", "^" + java.util.regex.Pattern.quote(typePrefix)));
        if (district != null && !district.isBlank()) {
            match.add(Filters.eq("district", district));
        }
        List<Count> counts = new ArrayList<>();
        collection(generation).aggregate(List.of(
                Aggregates.match(Filters.and(match)),
                Aggregates.group(new Document("type", "$type").append("district", "$district").append("month", "$month"),
                        Accumulators.sum("events", 1), Accumulators.sum("amount", "$amount")),
                Aggregates.sort(Sorts.ascending("_id.type", "_id.district", "_id.month"))))
                .forEach(d -> {
                    Document id = d.get("_id", Document.class);
                    counts.add(new Count(id.getString("type"), id.getString("district"), id.getString("month"),
                            ((Number) d.get("events")).longValue(), ((Number) d.get("amount")).doubleValue()));
                });
        return counts;
    }

    /** The raw payloads of one event type, for figures that need more than counts (e.g. stays for the tide). */
    public List<Document> payloads(int generation, String type) {
        List<Document> out = new ArrayList<>();
        collection(generation).find(Filters.eq("type", type)).projection(Projections.include("data", "time"))
                .sort(Indexes.ascending("_id")).forEach(d -> out.add(d));
        return out;
    }

    /** The payloads of one event type as their records, in event-id order. */
    public <T> List<T> payloads(int generation, EventType<T> type) {
        List<T> out = new ArrayList<>();
        for (Document d : payloads(generation, type.type())) {
            Document data = d.get("data", Document.class);
            out.add(EventCodec.mapper().readValue(data.toJson(), type.payloadClass()));
        }
        return out;
    }

    public List<Document> dump(int generation) {
        List<Document> all = new ArrayList<>();
        collection(generation).find().sort(Indexes.ascending("_id")).into(all);
        return all;
    }

    public void drop(int generation) {
        collection(generation).drop();
    }

    private MongoCollection<Document> collection(int generation) {
        return database.getCollection("activity_events_" + generation);
    }
}
