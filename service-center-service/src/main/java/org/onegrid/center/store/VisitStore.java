package org.onegrid.center.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.springframework.stereotype.Repository;

/**
 * Walk-in visits, volunteer hours and party members' community reporting (双报到). Visits and hours are keyed by the
 * client's request id, so a retried POST records nothing twice.
 */
@Repository
public class VisitStore {

    public static final String VISITS = "visits";
    public static final String VOLUNTEER_HOURS = "volunteer_hours";
    public static final String PARTY_REPORTS = "party_reports";

    private final MongoCollection<Document> visits;
    private final MongoCollection<Document> hours;
    private final MongoCollection<Document> reports;
    private final EventFactory events;

    public VisitStore(MongoDatabase database, EventFactory events) {
        this.visits = database.getCollection(VISITS);
        this.hours = database.getCollection(VOLUNTEER_HOURS);
        this.reports = database.getCollection(PARTY_REPORTS);
        this.events = events;
        visits.createIndex(Indexes.ascending("centerId", "visitedAt"));
        hours.createIndex(Indexes.ascending("personId"));
        hours.createIndex(Indexes.ascending("centerId"));
        reports.createIndex(Indexes.ascending("centerId"));
    }

    public record Recorded(Document document, boolean created) {
    }

    public Recorded recordVisit(String visitId, Document center, String purpose, int visitors, Instant now) {
        EventEnvelope event = events.create(CenterEvents.VISIT_RECORDED, visitId, new CenterEvents.VisitRecorded(
                visitId, center.getString("_id"), center.getString("districtCode"), center.getString("communityCode"),
                purpose, visitors, now));
        Document visit = new Document("_id", visitId).append("centerId", center.getString("_id"))
                .append("purpose", purpose).append("visitors", visitors).append("visitedAt", Date.from(now))
                .append(Outbox.FIELD, Outbox.entries(visitId, List.of(event)));
        return insertOnce(visits, visit);
    }

    /** Visitors per purpose at a centre. */
    public Map<String, Long> visitorsByPurpose(String centerId) {
        Map<String, Long> result = new LinkedHashMap<>();
        visits.aggregate(List.of(Aggregates.match(eq("centerId", centerId)),
                        Aggregates.group("$purpose", Accumulators.sum("visitors", "$visitors")),
                        Aggregates.sort(Sorts.ascending("_id"))))
                .forEach(d -> result.put(d.getString("_id"), d.get("visitors", Number.class).longValue()));
        return result;
    }

    public Recorded logHours(String entryId, Document center, String personId, double hoursWorked, int servedPeople,
                             String activityId, Instant now) {
        EventEnvelope event = events.create(CenterEvents.VOLUNTEER_HOURS_LOGGED, entryId,
                new CenterEvents.VolunteerHoursLogged(entryId, center.getString("_id"), center.getString("districtCode"),
                        center.getString("communityCode"), hoursWorked, servedPeople, now));
        Document entry = new Document("_id", entryId).append("centerId", center.getString("_id"))
                .append("personId", personId).append("hours", hoursWorked).append("servedPeople", servedPeople)
                .append("activityId", activityId).append("loggedAt", Date.from(now))
                .append(Outbox.FIELD, Outbox.entries(entryId, List.of(event)));
        return insertOnce(hours, entry);
    }

    public record HoursTotal(String key, double hours, long servedPeople, long entries) {
    }

    /** A volunteer's hours, per centre. */
    public List<HoursTotal> hoursOf(String personId) {
        return totals(eq("personId", personId), "$centerId");
    }

    /** A centre's volunteer hours, per volunteer. */
    public List<HoursTotal> hoursAt(String centerId) {
        return totals(eq("centerId", centerId), "$personId");
    }

    private List<HoursTotal> totals(org.bson.conversions.Bson match, String groupBy) {
        List<HoursTotal> result = new ArrayList<>();
        hours.aggregate(List.of(Aggregates.match(match),
                        Aggregates.group(groupBy, Accumulators.sum("hours", "$hours"),
                                Accumulators.sum("served", "$servedPeople"), Accumulators.sum("entries", 1)),
                        Aggregates.sort(Sorts.ascending("_id"))))
                .forEach(d -> result.add(new HoursTotal(d.getString("_id"), d.get("hours", Number.class).doubleValue(),
                        d.get("served", Number.class).longValue(), d.get("entries", Number.class).longValue())));
        return result;
    }

    /** 双报到: a party member registers with the community of the centre; once per member and centre. */
    public Recorded registerPartyMember(Document center, String personId, String partyBranch, Instant now) {
        Document report = new Document("_id", center.getString("_id") + ":" + personId)
                .append("centerId", center.getString("_id")).append("communityCode", center.getString("communityCode"))
                .append("personId", personId).append("partyBranch", partyBranch).append("reportedAt", Date.from(now));
        return insertOnce(reports, report);
    }

    public List<Document> partyMembersAt(String centerId, int page, int size) {
        return reports.find(eq("centerId", centerId)).sort(Sorts.ascending("reportedAt"))
                .skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long partyMembersCount(String centerId) {
        return reports.countDocuments(eq("centerId", centerId));
    }

    private static Recorded insertOnce(MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return new Recorded(doc, true);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                Optional<Document> existing = Optional.ofNullable(collection.find(and(eq("_id", doc.get("_id")))).first());
                return new Recorded(existing.orElse(doc), false);
            }
            throw e;
        }
    }
}
