package org.onegrid.talent.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventEnvelope;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.talent.domain.ServiceRequestStatus;
import org.onegrid.talent.domain.ServiceRequestType;

/** The {@code service_requests} collection: what talent ask their liaison for, with a deadline. */
public class ServiceRequestStore {

    public static final String COLLECTION = "service_requests";
    private static final List<String> OPEN = List.of(ServiceRequestStatus.OPEN.name(),
            ServiceRequestStatus.IN_PROGRESS.name());

    public record ServiceRequest(String id, long version, String talentId, String liaisonId, ServiceRequestType type,
                                 String description, ServiceRequestStatus status, Instant deadline,
                                 boolean overdueRaised, Instant createdAt, List<Step> history) {
    }

    public record Step(String status, String note, String by, Instant at) {
    }

    private final MongoCollection<Document> requests;

    public ServiceRequestStore(MongoDatabase db) {
        this.requests = db.getCollection(COLLECTION);
        requests.createIndex(Indexes.ascending("status", "deadline"));
        requests.createIndex(Indexes.ascending("liaisonId"));
    }

    /** Inserts the request; a retry with the same id returns false and leaves the first one untouched. */
    public boolean insert(ServiceRequest r, List<EventEnvelope> events) {
        try {
            requests.insertOne(new Document("_id", r.id()).append("version", 0L).append("talentId", r.talentId())
                    .append("liaisonId", r.liaisonId()).append("type", r.type().name())
                    .append("description", r.description()).append("status", r.status().name())
                    .append("deadline", Docs.date(r.deadline())).append("overdueRaised", false)
                    .append("createdAt", Docs.date(r.createdAt()))
                    .append("history", r.history().stream().map(ServiceRequestStore::stepDoc).toList())
                    .append(Outbox.FIELD, Outbox.entries(r.id(), events)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<ServiceRequest> find(String id) {
        return Optional.ofNullable(requests.find(eq("_id", id)).first()).map(ServiceRequestStore::toRequest);
    }

    public void transition(ServiceRequest r, ServiceRequestStatus to, Step step) {
        long modified = requests.updateOne(and(eq("_id", r.id()), eq("version", r.version())), Updates.combine(
                Updates.set("status", to.name()), Updates.push("history", stepDoc(step)), Updates.inc("version", 1L)))
                .getModifiedCount();
        if (modified == 0) {
            throw new ConcurrentChangeException("service request " + r.id() + " changed meanwhile");
        }
    }

    /**
     * Raises the overdue event for every open request past its deadline, once each: the flag and the event go in
     * one conditional write, so two schedulers (or two instances) racing raise it once.
     *
     * @return how many requests were newly marked overdue
     */
    public int markOverdue(Instant now, Function<ServiceRequest, EventEnvelope> event) {
        int marked = 0;
        Bson due = and(in("status", OPEN), lt("deadline", Docs.date(now)), eq("overdueRaised", false));
        for (Document d : requests.find(due).limit(500).into(new ArrayList<>())) {
            ServiceRequest r = toRequest(d);
            long modified = requests.updateOne(and(eq("_id", r.id()), eq("overdueRaised", false)),
                    Updates.combine(Updates.set("overdueRaised", true), Updates.set("overdueAt", Docs.date(now)),
                            Outbox.append(r.id(), List.of(event.apply(r))))).getModifiedCount();
            marked += (int) modified;
        }
        return marked;
    }

    public Page<ServiceRequest> list(String liaisonId, String talentId, ServiceRequestStatus status, int page,
                                     int size) {
        List<Bson> parts = new ArrayList<>();
        if (liaisonId != null) {
            parts.add(eq("liaisonId", liaisonId));
        }
        if (talentId != null) {
            parts.add(eq("talentId", talentId));
        }
        if (status != null) {
            parts.add(eq("status", status.name()));
        }
        Bson filter = parts.isEmpty() ? Filters.empty() : and(parts);
        return new Page<>(requests.find(filter).sort(Sorts.ascending("deadline")).skip(page * size).limit(size)
                .map(ServiceRequestStore::toRequest).into(new ArrayList<>()), page, size,
                requests.countDocuments(filter));
    }

    private static Document stepDoc(Step s) {
        return new Document("status", s.status()).append("note", s.note()).append("by", s.by())
                .append("at", Docs.date(s.at()));
    }

    private static ServiceRequest toRequest(Document d) {
        return new ServiceRequest(d.getString("_id"), Docs.version(d), d.getString("talentId"),
                d.getString("liaisonId"), ServiceRequestType.valueOf(d.getString("type")), d.getString("description"),
                ServiceRequestStatus.valueOf(d.getString("status")), Docs.instant(d, "deadline"),
                Boolean.TRUE.equals(d.getBoolean("overdueRaised")), Docs.instant(d, "createdAt"),
                Docs.docs(d, "history").stream().map(h -> new Step(h.getString("status"), h.getString("note"),
                        h.getString("by"), Docs.instant(h, "at"))).toList());
    }
}
