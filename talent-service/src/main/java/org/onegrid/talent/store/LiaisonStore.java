package org.onegrid.talent.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.LiaisonChoice;

/**
 * The {@code liaisons} collection (服务联络员, each in a unit). {@code free} is kept beside {@code assigned} so that
 * taking a place is one conditional {@code $inc} that can never push a liaison over capacity. Each place taken is
 * held in the name of a talent ({@code holds}), because taking the place and writing the talent are two documents:
 * a crash between them leaves a hold whose talent does not point at this liaison, which
 * {@link #staleHolds}/{@link #release} let the reconciler give back.
 */
public class LiaisonStore {

    public static final String COLLECTION = "liaisons";

    public record Liaison(String id, String name, String unitId, String unitName, District district, int capacity,
                          int assigned) {
    }

    private final MongoCollection<Document> liaisons;

    public LiaisonStore(MongoDatabase db) {
        this.liaisons = db.getCollection(COLLECTION);
    }

    /** Creates or updates a liaison by id, keeping how many talents they already serve. */
    public void upsert(Liaison l) {
        Document existing = liaisons.find(eq("_id", l.id())).first();
        int assigned = existing == null ? 0 : Docs.integer(existing, "assigned");
        List<?> holds = existing == null ? List.of() : existing.getList("holds", Document.class, List.of());
        liaisons.replaceOne(eq("_id", l.id()), new Document("_id", l.id()).append("name", l.name())
                .append("unitId", l.unitId()).append("unitName", l.unitName())
                .append("district", l.district().name()).append("capacity", l.capacity())
                .append("assigned", assigned).append("free", l.capacity() - assigned).append("holds", holds),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Liaison> find(String id) {
        return Optional.ofNullable(liaisons.find(eq("_id", id)).first()).map(LiaisonStore::toLiaison);
    }

    /** Liaisons of the unit or the district with room left: the candidates for an automatic assignment. */
    public List<LiaisonChoice.Load> openLoads(String unitId, District district) {
        Bson where = unitId == null ? eq("district", district == null ? null : district.name())
                : or(eq("unitId", unitId), eq("district", district == null ? null : district.name()));
        return liaisons.find(and(where, gt("free", 0))).map(LiaisonStore::toLiaison)
                .map(l -> new LiaisonChoice.Load(l.id(), l.unitId(), l.district(), l.capacity(), l.assigned()))
                .into(new ArrayList<>());
    }

    /** A place held for a talent since a moment. */
    public record Hold(String liaisonId, String talentId, Instant since) {
    }

    /**
     * Takes one place for the talent if any is free; false when another assignment took the last one first. A
     * talent already holding a place here keeps it (a retried assignment takes no second place).
     */
    public boolean reserve(String liaisonId, String talentId, Instant now) {
        boolean taken = liaisons.updateOne(and(eq("_id", liaisonId), gt("free", 0), ne("holds.talentId", talentId)),
                Updates.combine(Updates.inc("free", -1), Updates.inc("assigned", 1),
                        Updates.push("holds", new Document("talentId", talentId).append("since", Date.from(now)))))
                .getModifiedCount() == 1;
        return taken || liaisons.countDocuments(and(eq("_id", liaisonId), eq("holds.talentId", talentId))) > 0;
    }

    /** Gives the talent's place back; nothing happens when the talent holds none here (released already). */
    public void release(String liaisonId, String talentId) {
        liaisons.updateOne(and(eq("_id", liaisonId), eq("holds.talentId", talentId)),
                Updates.combine(Updates.inc("free", 1), Updates.inc("assigned", -1),
                        Updates.pull("holds", new Document("talentId", talentId))));
    }

    /** Holds taken before {@code before}: old enough that the assignment that took them has finished or died. */
    public List<Hold> staleHolds(Instant before) {
        List<Hold> stale = new ArrayList<>();
        for (Document d : liaisons.find(lt("holds.since", Date.from(before)))) {
            for (Document h : d.getList("holds", Document.class)) {
                Instant since = h.getDate("since").toInstant();
                if (since.isBefore(before)) {
                    stale.add(new Hold(d.getString("_id"), h.getString("talentId"), since));
                }
            }
        }
        return stale;
    }

    public Page<Liaison> list(String unitId, District district, int page, int size) {
        List<Bson> parts = new ArrayList<>();
        if (unitId != null) {
            parts.add(eq("unitId", unitId));
        }
        if (district != null) {
            parts.add(eq("district", district.name()));
        }
        Bson filter = parts.isEmpty() ? Filters.empty() : and(parts);
        return new Page<>(liaisons.find(filter).sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                .map(LiaisonStore::toLiaison).into(new ArrayList<>()), page, size, liaisons.countDocuments(filter));
    }

    public record Unit(String unitId, String unitName, District district, int liaisons, int capacity,
                       int assigned) {
    }

    /** Units (服务单位) as their liaisons describe them: how many liaisons, places and talents served. */
    public Page<Unit> units(District district, int page, int size) {
        Bson match = district == null ? Filters.empty() : eq("district", district.name());
        List<Unit> items = liaisons.aggregate(List.of(
                com.mongodb.client.model.Aggregates.match(match),
                com.mongodb.client.model.Aggregates.group("$unitId",
                        com.mongodb.client.model.Accumulators.first("unitName", "$unitName"),
                        com.mongodb.client.model.Accumulators.first("district", "$district"),
                        com.mongodb.client.model.Accumulators.sum("liaisons", 1),
                        com.mongodb.client.model.Accumulators.sum("capacity", "$capacity"),
                        com.mongodb.client.model.Accumulators.sum("assigned", "$assigned")),
                com.mongodb.client.model.Aggregates.sort(Sorts.ascending("_id")),
                com.mongodb.client.model.Aggregates.skip(page * size),
                com.mongodb.client.model.Aggregates.limit(size)))
                .map(d -> new Unit(d.getString("_id"), d.getString("unitName"),
                        District.valueOf(d.getString("district")), Docs.integer(d, "liaisons"),
                        Docs.integer(d, "capacity"), Docs.integer(d, "assigned")))
                .into(new ArrayList<>());
        long total = liaisons.distinct("unitId", match, String.class).into(new ArrayList<>()).size();
        return new Page<>(items, page, size, total);
    }

    private static Liaison toLiaison(Document d) {
        return new Liaison(d.getString("_id"), d.getString("name"), d.getString("unitId"), d.getString("unitName"),
                District.valueOf(d.getString("district")), Docs.integer(d, "capacity"), Docs.integer(d, "assigned"));
    }
}
