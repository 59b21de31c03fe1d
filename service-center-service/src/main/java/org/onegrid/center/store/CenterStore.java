package org.onegrid.center.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.center.domain.Center;
import org.onegrid.center.domain.CenterLevel;
import org.onegrid.center.domain.Facility;
import org.onegrid.center.domain.GeoPoint;
import org.onegrid.center.domain.OpeningException;
import org.onegrid.center.domain.OpeningHours;
import org.onegrid.center.domain.TimeRange;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.springframework.stereotype.Repository;

/** Centres in the {@code centers} collection; {@code _id} is the centre's stable code. */
@Repository
public class CenterStore {

    public static final String COLLECTION = "centers";

    private final MongoCollection<Document> centers;
    private final EventFactory events;

    public CenterStore(MongoDatabase database, EventFactory events) {
        this.centers = database.getCollection(COLLECTION);
        this.events = events;
        centers.createIndex(Indexes.ascending("districtCode", "communityCode"));
        centers.createIndex(Indexes.ascending("level"));
    }

    public static class DuplicateCenterException extends RuntimeException {
        public DuplicateCenterException(String id) {
            super("a centre with id " + id + " exists");
        }
    }

    /** Inserts a new centre (version 1). */
    public void insert(Document center, Instant now) {
        center.append("version", 1L).append("createdAt", Date.from(now)).append("updatedAt", Date.from(now));
        withRegisteredEvent(center, null, now);
        try {
            centers.insertOne(center);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateCenterException(center.getString("_id"));
            }
            throw e;
        }
    }

    /** Creates or replaces by id; for demo data, which is loaded by natural key. */
    public void upsert(Document center, Instant now) {
        Document existing = centers.find(eq("_id", center.getString("_id"))).first();
        long version = existing == null ? 1L : existing.get("version", Number.class).longValue() + 1;
        center.append("version", version)
                .append("createdAt", existing == null ? Date.from(now) : existing.getDate("createdAt"))
                .append("updatedAt", Date.from(now));
        withRegisteredEvent(center, existing, now);
        centers.replaceOne(eq("_id", center.getString("_id")), center, new ReplaceOptions().upsert(true));
    }

    /**
     * Replaces the centre if it is still at {@code expectedVersion}.
     *
     * @return false when someone else changed it first
     */
    public boolean replace(String id, long expectedVersion, Document center, Instant now) {
        Document existing = centers.find(eq("_id", id)).first();
        if (existing == null) {
            return false;
        }
        center.append("_id", id).append("version", expectedVersion + 1)
                .append("createdAt", existing.getDate("createdAt")).append("updatedAt", Date.from(now));
        withRegisteredEvent(center, existing, now);
        return centers.replaceOne(and(eq("_id", id), eq("version", expectedVersion)), center).getModifiedCount() == 1;
    }

    /**
     * Puts a center-registered event into the document's outbox, so the event is written with the centre itself
     * (also by the demo data load). A replace rewrites the whole document, so entries the relay has not sent yet are
     * carried over; if the relay sends one of them meanwhile it goes out twice, which consumers dedupe by event id.
     */
    private void withRegisteredEvent(Document center, Document existing, Instant now) {
        Center c = toCenter(center);
        String id = c.id();
        EventEnvelope event = events.create(CenterEvents.CENTER_REGISTERED, id, new CenterEvents.CenterRegistered(
                id, c.name(), c.level().name(), c.districtCode(), c.communityCode(), c.location().lat(),
                c.location().lon(), c.facilities().stream().map(Enum::name).sorted().toList(),
                hoursSummary(c.hours()), now));
        List<Document> outbox = new ArrayList<>();
        if (existing != null) {
            outbox.addAll(existing.getList(Outbox.FIELD, Document.class, List.of()));
        }
        outbox.addAll(Outbox.entries(id, List.of(event)));
        center.put(Outbox.FIELD, outbox);
    }

    /** "24/7", or the weekly pattern such as "MON 08:00-12:00,14:30-17:30; TUE …". */
    static String hoursSummary(OpeningHours hours) {
        if (hours.allDay()) {
            return "24/7";
        }
        List<String> days = new ArrayList<>();
        hours.weekly().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> days.add(
                e.getKey().name().substring(0, 3) + " " + String.join(",", e.getValue().stream()
                        .map(r -> r.opens() + "-" + r.closes()).toList())));
        return String.join("; ", days);
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(centers.find(eq("_id", id)).first());
    }

    public record Filter(CenterLevel level, String districtCode, String communityCode, Facility facility,
                         String nameContains, String parentId) {
    }

    public Paging<Document> list(Filter filter, int page, int size) {
        Bson query = query(filter);
        List<Document> items = centers.find(query).sort(Sorts.ascending("_id"))
                .skip(page * size).limit(size).into(new ArrayList<>());
        return new Paging<>(items, page, size, centers.countDocuments(query));
    }

    private static Bson query(Filter f) {
        List<Bson> parts = new ArrayList<>();
        if (f.level() != null) {
            parts.add(eq("level", f.level().name()));
        }
        if (f.districtCode() != null) {
            parts.add(eq("districtCode", f.districtCode()));
        }
        if (f.communityCode() != null) {
            parts.add(eq("communityCode", f.communityCode()));
        }
        if (f.facility() != null) {
            parts.add(eq("facilities", f.facility().name()));
        }
        if (f.parentId() != null) {
            parts.add(eq("parentId", f.parentId()));
        }
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            parts.add(Filters.regex("name", Pattern.quote(f.nameContains())));
        }
        return parts.isEmpty() ? new Document() : and(parts);
    }

    /** Every centre, as the 15-minute circle needs them. */
    public List<Center> allForCircle() {
        List<Center> result = new ArrayList<>();
        for (Document d : centers.find()) {
            result.add(toCenter(d));
        }
        return result;
    }

    /** Addresses by centre id, for answers that list centres found by the circle. */
    public Map<String, String> addresses(List<String> ids) {
        Map<String, String> result = new java.util.HashMap<>();
        centers.find(Filters.in("_id", ids)).projection(com.mongodb.client.model.Projections.include("address"))
                .forEach(d -> result.put(d.getString("_id"), d.getString("address")));
        return result;
    }

    public long count() {
        return centers.countDocuments();
    }

    // --- mapping between documents and the domain ---

    public static Center toCenter(Document d) {
        Document location = d.get("location", Document.class);
        List<?> coordinates = location.getList("coordinates", Object.class);
        GeoPoint point = new GeoPoint(((Number) coordinates.get(1)).doubleValue(),
                ((Number) coordinates.get(0)).doubleValue());
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (String f : d.getList("facilities", String.class, List.of())) {
            facilities.add(Facility.valueOf(f));
        }
        return new Center(d.getString("_id"), d.getString("name"), CenterLevel.valueOf(d.getString("level")),
                d.getString("districtCode"), d.getString("communityCode"), point,
                toHours(d.get("hours", Document.class)), facilities);
    }

    public static Document geoJson(GeoPoint point) {
        return new Document("type", "Point").append("coordinates", List.of(point.lon(), point.lat()));
    }

    public static Document hoursDocument(OpeningHours hours) {
        List<Document> weekly = new ArrayList<>();
        hours.weekly().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue()
                .forEach(r -> weekly.add(new Document("day", e.getKey().name()).append("opens", r.opens().toString())
                        .append("closes", r.closes().toString()))));
        List<Document> exceptions = new ArrayList<>();
        for (OpeningException x : hours.exceptions()) {
            exceptions.add(new Document("date", x.date().toString()).append("reason", x.reason())
                    .append("ranges", x.ranges().stream().map(CenterStore::rangeDocument).toList()));
        }
        return new Document("allDay", hours.allDay()).append("weekly", weekly).append("exceptions", exceptions);
    }

    private static Document rangeDocument(TimeRange r) {
        return new Document("opens", r.opens().toString()).append("closes", r.closes().toString());
    }

    public static OpeningHours toHours(Document h) {
        if (h == null) {
            return new OpeningHours(false, Map.of(), List.of());
        }
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Document w : h.getList("weekly", Document.class, List.of())) {
            weekly.computeIfAbsent(DayOfWeek.valueOf(w.getString("day")), k -> new ArrayList<>()).add(range(w));
        }
        List<OpeningException> exceptions = new ArrayList<>();
        for (Document x : h.getList("exceptions", Document.class, List.of())) {
            exceptions.add(new OpeningException(LocalDate.parse(x.getString("date")),
                    x.getList("ranges", Document.class, List.of()).stream().map(CenterStore::range).toList(),
                    x.getString("reason")));
        }
        return new OpeningHours(Boolean.TRUE.equals(h.getBoolean("allDay")), weekly, exceptions);
    }

    private static TimeRange range(Document r) {
        return new TimeRange(LocalTime.parse(r.getString("opens")), LocalTime.parse(r.getString("closes")));
    }
}
