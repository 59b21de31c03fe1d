package org.onegrid.talent.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventEnvelope;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.NeedPoster;
import org.onegrid.talent.domain.VolunteerMode;

/**
 * The {@code needs} collection (需求清单). {@code openPlaces} counts down as talent accept; it is only ever
 * decremented by a write conditioned on it being positive, so concurrent acceptances cannot over-fill a need.
 */
public class NeedStore {

    public static final String COLLECTION = "needs";

    public record Need(String id, long version, String title, String description, NeedPoster postedByKind,
                       String postedByName, List<String> requiredTags, District district, LocalDate windowStart,
                       LocalDate windowEnd, int peopleCount, int accepted, int openPlaces, VolunteerMode mode,
                       String status, Instant postedAt) {
    }

    private final MongoCollection<Document> needs;

    public NeedStore(MongoDatabase db) {
        this.needs = db.getCollection(COLLECTION);
    }

    /** Inserts, or for a retried post with the same id does nothing; returns whether it was new. */
    public boolean insert(Need n, List<EventEnvelope> events) {
        if (needs.find(eq("_id", n.id())).first() != null) {
            return false;
        }
        try {
            insertNew(n, events);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        return true;
    }

    private void insertNew(Need n, List<EventEnvelope> events) {
        needs.insertOne(new Document("_id", n.id()).append("version", 0L).append("title", n.title())
                .append("description", n.description()).append("postedByKind", n.postedByKind().name())
                .append("postedByName", n.postedByName()).append("requiredTags", n.requiredTags())
                .append("district", n.district() == null ? null : n.district().name())
                .append("windowStart", Docs.day(n.windowStart())).append("windowEnd", Docs.day(n.windowEnd()))
                .append("peopleCount", n.peopleCount()).append("accepted", 0).append("openPlaces", n.peopleCount())
                .append("mode", n.mode().name()).append("status", "OPEN").append("postedAt", Docs.date(n.postedAt()))
                .append(Outbox.FIELD, Outbox.entries(n.id(), events)));
    }

    public Optional<Need> find(String id) {
        return Optional.ofNullable(needs.find(eq("_id", id)).first()).map(NeedStore::toNeed);
    }

    /** Takes one place atomically; empty when the need is full (or closed). */
    public Optional<Need> takePlace(String needId) {
        return Optional.ofNullable(needs.findOneAndUpdate(
                and(eq("_id", needId), eq("status", "OPEN"), gt("openPlaces", 0)),
                Updates.combine(Updates.inc("openPlaces", -1), Updates.inc("accepted", 1), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(NeedStore::toNeed);
    }

    public void releasePlace(String needId) {
        needs.updateOne(and(eq("_id", needId), gt("accepted", 0)), Updates.combine(Updates.inc("openPlaces", 1),
                Updates.inc("accepted", -1), Updates.inc("version", 1L)));
    }

    public Page<Need> list(District district, String tag, Boolean open, int page, int size) {
        List<Bson> parts = new ArrayList<>();
        if (district != null) {
            parts.add(eq("district", district.name()));
        }
        if (tag != null) {
            parts.add(eq("requiredTags", tag));
        }
        if (Boolean.TRUE.equals(open)) {
            parts.add(and(eq("status", "OPEN"), gt("openPlaces", 0)));
        }
        Bson filter = parts.isEmpty() ? Filters.empty() : and(parts);
        return new Page<>(needs.find(filter).sort(Sorts.ascending("windowStart", "_id")).skip(page * size)
                .limit(size).map(NeedStore::toNeed).into(new ArrayList<>()), page, size, needs.countDocuments(filter));
    }

    private static Need toNeed(Document d) {
        String district = d.getString("district");
        return new Need(d.getString("_id"), Docs.version(d), d.getString("title"), d.getString("description"),
                NeedPoster.valueOf(d.getString("postedByKind")), d.getString("postedByName"),
                Docs.strings(d, "requiredTags"), district == null ? null : District.valueOf(district),
                Docs.day(d, "windowStart"), Docs.day(d, "windowEnd"), Docs.integer(d, "peopleCount"),
                Docs.integer(d, "accepted"), Docs.integer(d, "openPlaces"), VolunteerMode.valueOf(d.getString("mode")),
                d.getString("status"), Docs.instant(d, "postedAt"));
    }
}
