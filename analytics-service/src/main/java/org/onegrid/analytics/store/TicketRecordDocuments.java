package org.onegrid.analytics.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.onegrid.analytics.domain.TicketRecord;
import org.onegrid.analytics.domain.TicketSnapshot;

/** Maps {@link TicketRecord} to and from its Mongo document. Instants are stored as BSON dates (UTC). */
final class TicketRecordDocuments {

    private TicketRecordDocuments() {
    }

    static Document toDocument(TicketRecord r, long version) {
        List<Document> events = new ArrayList<>();
        r.events().forEach((id, kind) -> events.add(new Document("id", id).append("kind", kind)));
        Document d = new Document("_id", r.ticketId())
                .append("version", version)
                .append("events", events);
        put(d, "latest", snapshot(r.latest()));
        put(d, "latestAt", date(r.latestAt()));
        put(d, "latestEventId", r.latestEventId());
        put(d, "firstAcceptedAt", date(r.firstAcceptedAt()));
        put(d, "firstResponseAt", date(r.firstResponseAt()));
        put(d, "lastResolvedAt", date(r.lastResolvedAt()));
        put(d, "lastRatedAt", date(r.lastRatedAt()));
        put(d, "rating", r.rating());
        put(d, "solvedOnTime", r.solvedOnTime());
        put(d, "handlingWorkingHours", r.handlingWorkingHours());
        return d;
    }

    /**
     * Absent rather than null: a record is written once per ticket per batch, and most tickets have most of these
     * unset, so leaving them out makes the record smaller to send, store and index. Reading treats both alike.
     */
    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    static TicketRecord fromDocument(Document d) {
        Map<String, String> events = new TreeMap<>();
        for (Document e : d.getList("events", Document.class, List.of())) {
            events.put(e.getString("id"), e.getString("kind"));
        }
        return new TicketRecord(d.getString("_id"), events, snapshot(d.get("latest", Document.class)),
                instant(d, "latestAt"), d.getString("latestEventId"), instant(d, "firstAcceptedAt"),
                instant(d, "firstResponseAt"), instant(d, "lastResolvedAt"), instant(d, "lastRatedAt"),
                d.getString("rating"), d.getBoolean("solvedOnTime"), d.getDouble("handlingWorkingHours"));
    }

    private static Document snapshot(TicketSnapshot s) {
        if (s == null) {
            return null;
        }
        Document d = new Document("ticketId", s.ticketId());
        put(d, "channel", s.channel());
        put(d, "districtCode", s.districtCode());
        put(d, "communityCode", s.communityCode());
        put(d, "gridCode", s.gridCode());
        put(d, "categoryCode", s.categoryCode());
        put(d, "departmentCode", s.departmentCode());
        put(d, "status", s.status());
        d.append("escalationLevel", s.escalationLevel());
        put(d, "reportedAt", date(s.reportedAt()));
        put(d, "acceptedAt", date(s.acceptedAt()));
        put(d, "firstResponseAt", date(s.firstResponseAt()));
        put(d, "resolvedAt", date(s.resolvedAt()));
        put(d, "firstResponseDueAt", date(s.firstResponseDueAt()));
        put(d, "solutionDueAt", date(s.solutionDueAt()));
        return d;
    }

    private static TicketSnapshot snapshot(Document d) {
        if (d == null) {
            return null;
        }
        return new TicketSnapshot(d.getString("ticketId"), d.getString("channel"), d.getString("districtCode"),
                d.getString("communityCode"), d.getString("gridCode"), d.getString("categoryCode"),
                d.getString("departmentCode"), d.getString("status"), d.getInteger("escalationLevel", 0),
                instant(d, "reportedAt"), instant(d, "acceptedAt"), instant(d, "firstResponseAt"),
                instant(d, "resolvedAt"), instant(d, "firstResponseDueAt"), instant(d, "solutionDueAt"));
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
