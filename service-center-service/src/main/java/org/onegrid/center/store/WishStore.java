package org.onegrid.center.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.center.domain.OpeningHours;
import org.onegrid.center.domain.WishStatus;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.springframework.stereotype.Repository;

/**
 * Micro-wish batches and wishes. Every transition is one conditional write on the wish ({@code status} must still be
 * the one the transition starts from), so of N concurrent claims exactly one lands and an expiry is emitted once.
 */
@Repository
public class WishStore {

    public static final String BATCHES = "wish_batches";
    public static final String WISHES = "wishes";

    private final MongoCollection<Document> batches;
    private final MongoCollection<Document> wishes;
    private final EventFactory events;

    public WishStore(MongoDatabase database, EventFactory events) {
        this.batches = database.getCollection(BATCHES);
        this.wishes = database.getCollection(WISHES);
        this.events = events;
        wishes.createIndex(Indexes.ascending("status", "batchEndsAt"));
        wishes.createIndex(Indexes.ascending("batchId"));
    }

    /** A batch runs over whole local days in Sanya: it ends at midnight after {@code endsOn}. */
    public Document createBatch(String theme, LocalDate startsOn, LocalDate endsOn, int maxValueYuan, Instant now) {
        String id = "wb-" + UUID.randomUUID();
        Document batch = new Document("_id", id).append("theme", theme)
                .append("startsOn", startsOn.toString()).append("endsOn", endsOn.toString())
                .append("endsAt", Date.from(endsOn.plusDays(1).atStartOfDay(OpeningHours.SANYA).toInstant()))
                .append("maxValueYuan", maxValueYuan).append("createdAt", Date.from(now));
        batches.insertOne(batch);
        return batch;
    }

    public Optional<Document> findBatch(String id) {
        return Optional.ofNullable(batches.find(eq("_id", id)).first());
    }

    public List<Document> batches() {
        return batches.find().sort(Sorts.descending("startsOn")).into(new ArrayList<>());
    }

    public record NewWish(Document batch, Document center, String category, String description, int valueYuan,
                          String requesterName, String requesterPhone) {
    }

    public Document post(NewWish w, Instant now) {
        Document batch = w.batch();
        if (!batch.getDate("endsAt").toInstant().isAfter(now)) {
            throw new ConflictException("batch has ended", Map.of("state", "BATCH_ENDED"));
        }
        if (w.valueYuan() > batch.getInteger("maxValueYuan")) {
            throw new IllegalArgumentException("valueYuan exceeds the batch limit of " + batch.getInteger("maxValueYuan"));
        }
        String id = "wish-" + UUID.randomUUID();
        Document center = w.center();
        EventEnvelope posted = events.create(CenterEvents.WISH_POSTED, id, new CenterEvents.WishPosted(id,
                batch.getString("_id"), center.getString("_id"), center.getString("districtCode"),
                center.getString("communityCode"), w.category(), w.valueYuan(), now));
        Document wish = new Document("_id", id)
                .append("batchId", batch.getString("_id"))
                .append("batchTheme", batch.getString("theme"))
                .append("batchEndsAt", batch.getDate("endsAt"))
                .append("centerId", center.getString("_id"))
                .append("centerName", center.getString("name"))
                .append("districtCode", center.getString("districtCode"))
                .append("communityCode", center.getString("communityCode"))
                .append("category", w.category())
                .append("description", PersonalData.scrubText(w.description()))
                .append("valueYuan", w.valueYuan())
                // Kept for centre staff who deliver the wish; never shown unmasked by this service's API.
                .append("requester", new Document("name", w.requesterName()).append("phone", w.requesterPhone()))
                .append("status", WishStatus.OPEN.name())
                .append("postedAt", Date.from(now))
                .append("version", 1L)
                .append(Outbox.FIELD, Outbox.entries(id, List.of(posted)));
        wishes.insertOne(wish);
        return wish;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(wishes.find(eq("_id", id)).first());
    }

    public Paging<Document> list(WishStatus status, String centerId, String batchId, int page, int size) {
        List<Bson> parts = new ArrayList<>();
        if (status != null) {
            parts.add(eq("status", status.name()));
        }
        if (centerId != null) {
            parts.add(eq("centerId", centerId));
        }
        if (batchId != null) {
            parts.add(eq("batchId", batchId));
        }
        Bson query = parts.isEmpty() ? new Document() : and(parts);
        List<Document> items = wishes.find(query).sort(Sorts.ascending("postedAt", "_id"))
                .skip(page * size).limit(size).into(new ArrayList<>());
        return new Paging<>(items, page, size, wishes.countDocuments(query));
    }

    /** 一对一认领: only an OPEN wish in a running batch can be claimed, and only once. */
    public Document claim(String wishId, String claimantId, String claimantType, Instant now) {
        Document wish = require(wishId);
        if (claimantId.equals(nested(wish, "claimant", "id")) && !WishStatus.OPEN.name().equals(wish.getString("status"))) {
            return wish; // the same claimant retrying
        }
        EventEnvelope claimed = events.create(CenterEvents.WISH_CLAIMED, wishId, new CenterEvents.WishClaimed(wishId,
                wish.getString("batchId"), wish.getString("centerId"), wish.getString("districtCode"),
                wish.getString("communityCode"), claimantType, now));
        long changed = wishes.updateOne(
                and(eq("_id", wishId), eq("status", WishStatus.OPEN.name()), gt("batchEndsAt", Date.from(now))),
                combine(set("status", WishStatus.CLAIMED.name()),
                        set("claimant", new Document("id", claimantId).append("type", claimantType)),
                        set("claimedAt", Date.from(now)), inc("version", 1),
                        Outbox.append(wishId, List.of(claimed)))).getModifiedCount();
        if (changed == 0) {
            Document current = require(wishId);
            String state = WishStatus.OPEN.name().equals(current.getString("status")) ? "BATCH_ENDED"
                    : current.getString("status");
            throw new ConflictException("wish is " + state + " and cannot be claimed", Map.of("state", state));
        }
        return require(wishId);
    }

    public Document fulfil(String wishId, String claimantId, String note, Instant now) {
        Document wish = require(wishId);
        if (!claimantId.equals(nested(wish, "claimant", "id"))) {
            throw new ConflictException("only the claimant can fulfil this wish", Map.of("state", wish.getString("status")));
        }
        EventEnvelope fulfilled = events.create(CenterEvents.WISH_FULFILLED, wishId, new CenterEvents.WishFulfilled(
                wishId, wish.getString("batchId"), wish.getString("centerId"), wish.getString("districtCode"),
                wish.getString("communityCode"), now));
        return transition(wishId, WishStatus.CLAIMED, WishStatus.FULFILLED, List.of(
                set("fulfilmentNote", PersonalData.scrubText(note)), set("fulfilledAt", Date.from(now))),
                List.of(fulfilled));
    }

    public Document confirm(String wishId, String staffId, Instant now) {
        return transition(wishId, WishStatus.FULFILLED, WishStatus.CONFIRMED, List.of(
                set("confirmedBy", staffId), set("confirmedAt", Date.from(now))), List.of());
    }

    /**
     * Expires the open wishes whose batch has ended.
     *
     * @return how many expired in this pass
     */
    public int expireDue(Instant now) {
        int expired = 0;
        for (Document wish : wishes.find(and(eq("status", WishStatus.OPEN.name()), lte("batchEndsAt", Date.from(now))))
                .into(new ArrayList<>())) {
            String id = wish.getString("_id");
            EventEnvelope event = events.create(CenterEvents.WISH_EXPIRED, id, new CenterEvents.WishExpired(id,
                    wish.getString("batchId"), wish.getString("centerId"), wish.getString("districtCode"),
                    wish.getString("communityCode"), now));
            expired += (int) wishes.updateOne(and(eq("_id", id), eq("status", WishStatus.OPEN.name())), combine(
                    set("status", WishStatus.EXPIRED.name()), set("expiredAt", Date.from(now)), inc("version", 1),
                    Outbox.append(id, List.of(event)))).getModifiedCount();
        }
        return expired;
    }

    private Document transition(String wishId, WishStatus from, WishStatus to, List<Bson> changes,
                                List<EventEnvelope> out) {
        List<Bson> updates = new ArrayList<>(changes);
        updates.add(set("status", to.name()));
        updates.add(inc("version", 1));
        if (!out.isEmpty()) {
            updates.add(Outbox.append(wishId, out));
        }
        long changed = wishes.updateOne(and(eq("_id", wishId), eq("status", from.name())), combine(updates))
                .getModifiedCount();
        if (changed == 0) {
            Document current = require(wishId);
            throw new ConflictException("wish is " + current.getString("status") + ", not " + from,
                    Map.of("state", current.getString("status")));
        }
        return require(wishId);
    }

    private Document require(String wishId) {
        return find(wishId).orElseThrow(() -> new NotFoundException("wish", wishId));
    }

    private static String nested(Document d, String field, String key) {
        Document sub = d.get(field, Document.class);
        return sub == null ? null : sub.getString(key);
    }
}
