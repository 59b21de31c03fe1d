package org.onegrid.ticket.api;

import java.time.Instant;
import java.util.List;

import org.onegrid.events.PersonalData;
import org.onegrid.ticket.domain.Deadline;
import org.onegrid.ticket.domain.HistoryEntry;
import org.onegrid.ticket.domain.Role;
import org.onegrid.ticket.domain.TicketData;

/** Response shapes of the ticket API. Personal data is masked unless the caller is staff handling tickets. */
public final class TicketViews {

    private TicketViews() {
    }

    public record DeadlineView(Instant dueAt, Instant warnAt, boolean warned, boolean escalated) {
        static DeadlineView of(Deadline d) {
            return d == null ? null : new DeadlineView(d.dueAt(), d.warnAt(), d.warned(), d.escalated());
        }
    }

    public record RequesterView(String name, String phone, String email, String ref) {
    }

    public record HistoryView(String action, String from, String to, String actorId, String role, Instant at,
                              String comment, List<String> attachments) {
        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.action(), h.from() == null ? null : h.from().name(), h.to().name(), h.actorId(),
                    h.role().header(), h.at(), h.comment(), h.attachments());
        }
    }

    public record TicketView(String id, String ticketNo, String status, String channel, String sourceRef,
                             String title, String description, String address, Double lat, Double lon,
                             RequesterView requester, String districtCode, String communityCode, String gridCode,
                             String categoryCode, String departmentCode, String parentTicketId, int escalationLevel,
                             int reopenCount, int dispatchCount, String rating, String ratingComment,
                             String resolutionSummary, String replySummary, String lastReason,
                             Boolean resolvedOnTime, Instant reportedAt, Instant acceptedAt, Instant firstResponseAt,
                             Instant dispatchedAt, Instant resolvedAt, Instant repliedAt, Instant closedAt,
                             Instant updatedAt, String urgency, Instant promisedBy, DeadlineView firstResponse,
                             DeadlineView solution, Instant ratingDueAt,
                             long version,
                             List<HistoryView> history, String likelyDuplicateOf) {
    }

    public record CreatedView(TicketView ticket, boolean created, String ratingToken) {
    }

    /** 公示: what was asked, what was done, how it was rated — no names, phones or ID numbers. */
    public record BoardEntry(String ticketNo, String communityCode, String gridCode, String categoryCode,
                             String title, String status, String resolutionSummary, String rating,
                             Instant reportedAt, Instant resolvedAt, Boolean resolvedOnTime) {
    }

    public static TicketView view(TicketData t, Role viewer) {
        boolean staff = viewer != Role.REQUESTER;
        RequesterView requester = new RequesterView(
                staff ? t.requesterName : PersonalData.maskName(t.requesterName),
                staff ? t.requesterPhone : PersonalData.maskPhone(t.requesterPhone),
                staff ? t.requesterEmail : PersonalData.maskEmail(t.requesterEmail), t.requesterRef);
        return new TicketView(t.id, t.ticketNo, t.status.name(), t.channel, t.sourceRef, t.title, t.description,
                t.address, t.location == null ? null : t.location.lat(), t.location == null ? null : t.location.lon(),
                requester, t.districtCode, t.communityCode, t.gridCode, t.categoryCode, t.departmentCode,
                t.parentTicketId, t.escalationLevel, t.reopenCount, t.dispatchCount,
                t.rating == null ? null : t.rating.name(), t.ratingComment, t.resolutionSummary, t.replySummary,
                t.lastReason, t.resolvedOnTime, t.reportedAt, t.acceptedAt, t.firstResponseAt, t.dispatchedAt,
                t.resolvedAt, t.repliedAt, t.closedAt, t.updatedAt, t.urgency == null ? null : t.urgency.name(),
                t.promisedBy, DeadlineView.of(t.firstResponse),
                DeadlineView.of(t.solution), t.ratingDueAt, t.version, t.history.stream().map(HistoryView::of).toList(),
                t.likelyDuplicateOf);
    }

    public static BoardEntry board(TicketData t) {
        return new BoardEntry(t.ticketNo, t.communityCode, t.gridCode, t.categoryCode, PersonalData.scrubText(t.title),
                t.status.name(), PersonalData.scrubText(t.resolutionSummary),
                t.rating == null ? null : t.rating.name(), t.reportedAt, t.resolvedAt, t.resolvedOnTime);
    }
}
