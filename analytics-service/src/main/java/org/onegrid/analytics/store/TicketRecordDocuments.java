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
        return new Document("_id", r.ticketId())
                .append("version", version)
                .append("events", events)
                .append("latest", snapshot(r.latest()))
                .append("latestAt", date(r.latestAt()))
                .append("latestEventId", r.latestEventId())
                .append("firstAcceptedAt", date(r.firstAcceptedAt()))
                .append("firstResponseAt", date(r.firstResponseAt()))
                .append("lastResolvedAt", date(r.lastResolvedAt()))
                .append("lastRatedAt", date(r.lastRatedAt()))
                .append("rating", r.rating())
                .append("solvedOnTime", r.solvedOnTime())
                .append("handlingWorkingHours", r.handlingWorkingHours());
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
        return new Document("ticketId", s.ticketId())
                .append("channel", s.channel())
                .append("districtCode", s.districtCode())
                .append("communityCode", s.communityCode())
                .append("gridCode", s.gridCode())
                .append("categoryCode", s.categoryCode())
                .append("departmentCode", s.departmentCode())
                .append("status", s.status())
                .append("escalationLevel", s.escalationLevel())
                .append("reportedAt", date(s.reportedAt()))
                .append("acceptedAt", date(s.acceptedAt()))
                .append("firstResponseAt", date(s.firstResponseAt()))
                .append("resolvedAt", date(s.resolvedAt()))
                .append("firstResponseDueAt", date(s.firstResponseDueAt()))
                .append("solutionDueAt", date(s.solutionDueAt()));
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
