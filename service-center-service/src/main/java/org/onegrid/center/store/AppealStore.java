package org.onegrid.center.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.center.domain.TicketProgress;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * Appeals (诉求) dropped at centres and what the ticket loop did with them, which is what the public board shows.
 * The appeal id is derived from the client's request id, so a retried submission finds the first one.
 */
@Repository
public class AppealStore {

    public static final String COLLECTION = "appeals";
    private static final Logger log = LoggerFactory.getLogger(AppealStore.class);

    private final MongoCollection<Document> appeals;
    private final EventFactory events;

    public AppealStore(MongoDatabase database, EventFactory events) {
        this.appeals = database.getCollection(COLLECTION);
        this.events = events;
        appeals.createIndex(Indexes.ascending("centerId", "submittedAt"));
    }

    public record NewAppeal(String appealId, Document center, String categoryHint, String content, Double lat,
                            Double lon, String contactPhone) {
    }

    public record Submitted(Document appeal, boolean created) {
    }

    public Submitted submit(NewAppeal a, Instant now) {
        Optional<Document> existing = find(a.appealId());
        if (existing.isPresent()) {
            return new Submitted(existing.get(), false);
        }
        Document center = a.center();
        String content = PersonalData.scrubText(a.content());
        // An opaque handle for the resident: staff can find the appeal (and the private contact) through it.
        String requesterRef = "res-" + java.util.UUID.randomUUID();
        EventEnvelope submitted = events.create(CenterEvents.APPEAL_SUBMITTED, a.appealId(),
                new CenterEvents.AppealSubmitted(a.appealId(), center.getString("_id"), center.getString("name"),
                        center.getString("districtCode"), center.getString("communityCode"), a.categoryHint(),
                        content, a.lat(), a.lon(), requesterRef, now));
        Document appeal = new Document("_id", a.appealId())
                .append("centerId", center.getString("_id"))
                .append("districtCode", center.getString("districtCode"))
                .append("communityCode", center.getString("communityCode"))
                .append("categoryHint", a.categoryHint())
                .append("content", content)
                .append("lat", a.lat()).append("lon", a.lon())
                .append("requesterRef", requesterRef)
                .append("requester", new Document("contactPhone", a.contactPhone()))
                .append("status", "SUBMITTED")
                .append("submittedAt", Date.from(now))
                .append(Outbox.FIELD, Outbox.entries(a.appealId(), List.of(submitted)));
        try {
            appeals.insertOne(appeal);
            return new Submitted(appeal, true);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return new Submitted(find(a.appealId()).orElseThrow(), false);
            }
            throw e;
        }
    }

    public Optional<Document> find(String appealId) {
        return Optional.ofNullable(appeals.find(eq("_id", appealId)).first());
    }

    public Paging<Document> board(String centerId, int page, int size) {
        Bson query = eq("centerId", centerId);
        List<Document> items = appeals.find(query).sort(Sorts.descending("submittedAt"))
                .skip(page * size).limit(size).into(new ArrayList<>());
        return new Paging<>(items, page, size, appeals.countDocuments(query));
    }

    /** What a ticket event tells the board about the appeal the ticket came from. */
    public record TicketUpdate(String appealId, String ticketId, String ticketNo, String status, Instant eventTime,
                               String resolutionSummary, String replySummary, String rating) {
    }

    /**
     * Applies a ticket event to its appeal, tolerating any arrival order: the ticket status follows the latest event
     * ({@link TicketProgress}); the resolution, reply and rating each keep the latest of their own kind.
     *
     * @return false if no appeal has that id (e.g. a ticket from another centre deployment)
     */
    public boolean applyTicket(TicketUpdate u) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document appeal = find(u.appealId()).orElse(null);
            if (appeal == null) {
                log.warn("Ticket {} refers to unknown appeal {}", u.ticketId(), u.appealId());
                return false;
            }
            Document ticket = appeal.get("ticket", Document.class);
            Date seenAt = ticket == null ? null : ticket.getDate("statusAt");
            Instant current = seenAt == null ? null : seenAt.toInstant();
            List<Bson> updates = new ArrayList<>();
            updates.add(set("ticket.ticketId", u.ticketId()));
            updates.add(set("ticket.ticketNo", u.ticketNo()));
            if (TicketProgress.supersedes(u.eventTime(), u.status(), current,
                    ticket == null ? null : ticket.getString("status"))) {
                updates.add(set("ticket.status", u.status()));
                updates.add(set("ticket.statusAt", Date.from(u.eventTime())));
                updates.add(set("status", u.status()));
            }
            keepLatest(appeal, "resolution", u.resolutionSummary(), u.eventTime(), updates);
            keepLatest(appeal, "reply", u.replySummary(), u.eventTime(), updates);
            keepLatest(appeal, "rating", u.rating(), u.eventTime(), updates);
            Bson unchanged = current == null ? eq("ticket.statusAt", null) : eq("ticket.statusAt", seenAt);
            Object seq = appeal.get("boardVersion");
            Bson sameVersion = seq == null ? eq("boardVersion", null) : eq("boardVersion", seq);
            updates.add(com.mongodb.client.model.Updates.inc("boardVersion", 1));
            if (appeals.updateOne(and(eq("_id", u.appealId()), unchanged, sameVersion), combine(updates))
                    .getModifiedCount() == 1) {
                return true;
            }
        }
        throw new IllegalStateException("appeal " + u.appealId() + " kept changing; the event will be retried");
    }

    private static void keepLatest(Document appeal, String field, String value, Instant at, List<Bson> updates) {
        if (value == null) {
            return;
        }
        Document existing = appeal.get(field, Document.class);
        if (existing == null || !existing.getDate("at").toInstant().isAfter(at)) {
            updates.add(set(field, new Document("text", PersonalData.scrubText(value)).append("at", Date.from(at))));
        }
    }
}
