package org.onegrid.ticket.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.onegrid.ticket.domain.Deadline;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.HistoryEntry;
import org.onegrid.ticket.domain.Rating;
import org.onegrid.ticket.domain.Role;
import org.onegrid.ticket.domain.Ticket;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketStatus;
import org.onegrid.ticket.domain.Urgency;

/** Maps a ticket to its Mongo document and back. Instants are stored as BSON dates (UTC). */
final class TicketDocuments {

    private TicketDocuments() {
    }

    static Document toDocument(Ticket ticket) {
        TicketData d = ticket.data();
        return new Document("_id", d.id)
                .append("ticketNo", d.ticketNo)
                .append("channel", d.channel)
                .append("sourceRef", d.sourceRef)
                .append("clientRequestId", d.clientRequestId)
                .append("requestKey", d.clientRequestId != null ? "req:" + d.clientRequestId : "id:" + d.id)
                .append("sourceKey", d.sourceRef != null ? d.channel + ":" + d.sourceRef : "id:" + d.id)
                .append("title", d.title)
                .append("description", d.description)
                .append("address", d.address)
                .append("location", d.location == null ? null
                        : new Document("lat", d.location.lat()).append("lon", d.location.lon()))
                .append("requester", new Document("name", d.requesterName).append("phone", d.requesterPhone)
                        .append("ref", d.requesterRef).append("email", d.requesterEmail))
                .append("ratingTokenHash", d.ratingTokenHash)
                .append("districtCode", d.districtCode)
                .append("communityCode", d.communityCode)
                .append("gridCode", d.gridCode)
                .append("categoryCode", d.categoryCode)
                .append("departmentCode", d.departmentCode)
                .append("status", d.status.name())
                .append("parentTicketId", d.parentTicketId)
                .append("likelyDuplicateOf", d.likelyDuplicateOf)
                .append("escalationLevel", d.escalationLevel)
                .append("reopenCount", d.reopenCount)
                .append("dispatchCount", d.dispatchCount)
                .append("rating", d.rating == null ? null : d.rating.name())
                .append("ratingComment", d.ratingComment)
                .append("resolutionSummary", d.resolutionSummary)
                .append("replySummary", d.replySummary)
                .append("lastReason", d.lastReason)
                .append("resolvedOnTime", d.resolvedOnTime)
                .append("reportedAt", Docs.date(d.reportedAt))
                .append("acceptedAt", Docs.date(d.acceptedAt))
                .append("firstResponseAt", Docs.date(d.firstResponseAt))
                .append("dispatchedAt", Docs.date(d.dispatchedAt))
                .append("resolvedAt", Docs.date(d.resolvedAt))
                .append("repliedAt", Docs.date(d.repliedAt))
                .append("closedAt", Docs.date(d.closedAt))
                .append("updatedAt", Docs.date(d.updatedAt))
                .append("urgency", d.urgency == null ? null : d.urgency.name())
                .append("promisedBy", Docs.date(d.promisedBy))
                .append("firstResponse", deadline(d.firstResponse))
                .append("solution", deadline(d.solution))
                .append("ratingDueAt", Docs.date(d.ratingDueAt))
                .append("nextDeadlineCheckAt", Docs.date(ticket.nextDeadlineCheck()))
                .append("history", d.history.stream().map(TicketDocuments::history).toList());
    }

    static TicketData fromDocument(Document doc) {
        TicketData d = new TicketData();
        d.id = doc.getString("_id");
        d.ticketNo = doc.getString("ticketNo");
        d.channel = doc.getString("channel");
        d.sourceRef = doc.getString("sourceRef");
        d.clientRequestId = doc.getString("clientRequestId");
        d.title = doc.getString("title");
        d.description = doc.getString("description");
        d.address = doc.getString("address");
        Document location = doc.get("location", Document.class);
        d.location = location == null ? null : new GeoPoint(location.get("lat", Number.class).doubleValue(),
                location.get("lon", Number.class).doubleValue());
        Document requester = doc.get("requester", Document.class);
        if (requester != null) {
            d.requesterName = requester.getString("name");
            d.requesterPhone = requester.getString("phone");
            d.requesterRef = requester.getString("ref");
            d.requesterEmail = requester.getString("email");
        }
        d.ratingTokenHash = doc.getString("ratingTokenHash");
        d.districtCode = doc.getString("districtCode");
        d.communityCode = doc.getString("communityCode");
        d.gridCode = doc.getString("gridCode");
        d.categoryCode = doc.getString("categoryCode");
        d.departmentCode = doc.getString("departmentCode");
        d.status = TicketStatus.valueOf(doc.getString("status"));
        d.parentTicketId = doc.getString("parentTicketId");
        d.likelyDuplicateOf = doc.getString("likelyDuplicateOf");
        d.escalationLevel = Docs.intValue(doc, "escalationLevel");
        d.reopenCount = Docs.intValue(doc, "reopenCount");
        d.dispatchCount = Docs.intValue(doc, "dispatchCount");
        d.rating = doc.getString("rating") == null ? null : Rating.valueOf(doc.getString("rating"));
        d.ratingComment = doc.getString("ratingComment");
        d.resolutionSummary = doc.getString("resolutionSummary");
        d.replySummary = doc.getString("replySummary");
        d.lastReason = doc.getString("lastReason");
        d.resolvedOnTime = doc.getBoolean("resolvedOnTime");
        d.reportedAt = Docs.instant(doc, "reportedAt");
        d.acceptedAt = Docs.instant(doc, "acceptedAt");
        d.firstResponseAt = Docs.instant(doc, "firstResponseAt");
        d.dispatchedAt = Docs.instant(doc, "dispatchedAt");
        d.resolvedAt = Docs.instant(doc, "resolvedAt");
        d.repliedAt = Docs.instant(doc, "repliedAt");
        d.closedAt = Docs.instant(doc, "closedAt");
        d.updatedAt = Docs.instant(doc, "updatedAt");
        d.urgency = doc.getString("urgency") == null ? null : Urgency.valueOf(doc.getString("urgency"));
        d.promisedBy = Docs.instant(doc, "promisedBy");
        d.firstResponse = deadline(doc.get("firstResponse", Document.class));
        d.solution = deadline(doc.get("solution", Document.class));
        d.ratingDueAt = Docs.instant(doc, "ratingDueAt");
        d.history = new ArrayList<>(doc.getList("history", Document.class, List.of()).stream()
                .map(TicketDocuments::history).toList());
        d.version = Docs.longValue(doc, "version");
        return d;
    }

    private static Document deadline(Deadline deadline) {
        if (deadline == null) {
            return null;
        }
        return new Document("kind", deadline.kind().name())
                .append("startAt", Docs.date(deadline.startAt()))
                .append("dueAt", Docs.date(deadline.dueAt()))
                .append("warnAt", Docs.date(deadline.warnAt()))
                .append("warned", deadline.warned())
                .append("escalated", deadline.escalated());
    }

    private static Deadline deadline(Document doc) {
        if (doc == null) {
            return null;
        }
        return new Deadline(Deadline.Kind.valueOf(doc.getString("kind")), Docs.instant(doc, "startAt"),
                Docs.instant(doc, "dueAt"), Docs.instant(doc, "warnAt"), Boolean.TRUE.equals(doc.getBoolean("warned")),
                Boolean.TRUE.equals(doc.getBoolean("escalated")));
    }

    static Document history(HistoryEntry h) {
        return new Document("action", h.action())
                .append("from", h.from() == null ? null : h.from().name())
                .append("to", h.to().name())
                .append("actorId", h.actorId())
                .append("role", h.role().name())
                .append("at", Docs.date(h.at()))
                .append("comment", h.comment())
                .append("attachments", h.attachments());
    }

    private static HistoryEntry history(Document doc) {
        return new HistoryEntry(doc.getString("action"),
                doc.getString("from") == null ? null : TicketStatus.valueOf(doc.getString("from")),
                TicketStatus.valueOf(doc.getString("to")), doc.getString("actorId"),
                Role.valueOf(doc.getString("role")), Docs.instant(doc, "at"), doc.getString("comment"),
                doc.getList("attachments", String.class, List.of()));
    }
}
