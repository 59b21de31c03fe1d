package org.onegrid.analytics.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything analytics knows about one ticket, merged from its events in any order.
 *
 * <p>Events from different topics (and a replay next to the live stream) can arrive in any order and more than
 * once, so {@link #apply} is idempotent (an event id counts once) and commutative (the result does not depend on
 * the order): descriptive facts come from the latest event by time, first-time stamps keep the earliest value, and
 * counts are counts of distinct event ids. A rebuilt view therefore equals the incrementally built one.
 */
public final class TicketRecord {

    private final String ticketId;
    /** event id → kind; the source of every count. */
    private final Map<String, String> events;
    private TicketSnapshot latest;
    private Instant latestAt;
    private String latestEventId;
    private Instant firstAcceptedAt;
    private Instant firstResponseAt;
    private Instant lastResolvedAt;
    private Instant lastRatedAt;
    private String rating;
    private Boolean solvedOnTime;
    private Double handlingWorkingHours;

    public TicketRecord(String ticketId) {
        this(ticketId, new TreeMap<>(), null, null, null, null, null, null, null, null, null, null);
    }

    public TicketRecord(String ticketId, Map<String, String> events, TicketSnapshot latest, Instant latestAt,
                        String latestEventId, Instant firstAcceptedAt, Instant firstResponseAt, Instant lastResolvedAt, Instant lastRatedAt,
                        String rating, Boolean solvedOnTime, Double handlingWorkingHours) {
        this.ticketId = ticketId;
        this.events = new TreeMap<>(events);
        this.latest = latest;
        this.latestAt = latestAt;
        this.latestEventId = latestEventId;
        this.firstAcceptedAt = firstAcceptedAt;
        this.firstResponseAt = firstResponseAt;
        this.lastResolvedAt = lastResolvedAt;
        this.lastRatedAt = lastRatedAt;
        this.rating = rating;
        this.solvedOnTime = solvedOnTime;
        this.handlingWorkingHours = handlingWorkingHours;
    }

    /** @return false if this event was already applied */
    public boolean apply(TicketChange change) {
        if (events.containsKey(change.eventId())) {
            return false;
        }
        events.put(change.eventId(), change.kind());
        TicketSnapshot t = change.ticket();
        // Ties on time are broken by event id so that every order of arrival picks the same snapshot.
        if (latestAt == null || change.time().isAfter(latestAt)
                || (change.time().equals(latestAt) && change.eventId().compareTo(latestEventId) > 0)) {
            latest = t;
            latestAt = change.time();
            latestEventId = change.eventId();
        }
        firstAcceptedAt = earliest(firstAcceptedAt, t.acceptedAt());
        firstResponseAt = earliest(firstResponseAt, t.firstResponseAt());
        if ("resolved".equals(change.kind()) && (lastResolvedAt == null || !change.time().isBefore(lastResolvedAt))) {
            lastResolvedAt = change.time();
            solvedOnTime = change.onTime();
            handlingWorkingHours = change.handlingWorkingHours();
        }
        if ("rated".equals(change.kind()) && (lastRatedAt == null || !change.time().isBefore(lastRatedAt))) {
            lastRatedAt = change.time();
            rating = change.rating();
        }
        return true;
    }

    private static Instant earliest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    public long count(String kind) {
        return events.values().stream().filter(kind::equals).count();
    }

    public boolean has(String kind) {
        return events.containsValue(kind);
    }

    public boolean isResolved() {
        String status = latest == null ? null : latest.status();
        return lastResolvedAt != null && status != null
                && (status.equals("RESOLVED") || status.equals("REPLIED") || status.equals("CLOSED"));
    }

    /** Not resolved, rejected, merged or closed: still someone's work (the map's open tickets). */
    public boolean isOpen() {
        String status = latest == null ? null : latest.status();
        return !isResolved() && !"REJECTED".equals(status) && !"MERGED".equals(status) && !"CLOSED".equals(status);
    }

    /** Open (not resolved, rejected or merged) and past its solution deadline at {@code now}. */
    public boolean isOpenOverdue(Instant now) {
        if (latest == null || latest.solutionDueAt() == null || isResolved()) {
            return false;
        }
        String status = latest.status();
        boolean finished = "REJECTED".equals(status) || "MERGED".equals(status) || "CLOSED".equals(status);
        return !finished && now.isAfter(latest.solutionDueAt());
    }

    /** Whether the first response (acceptance or dispatch) came before its deadline; null if not known yet. */
    public Boolean firstResponseOnTime() {
        if (firstResponseAt == null || latest == null || latest.firstResponseDueAt() == null) {
            return null;
        }
        return !firstResponseAt.isAfter(latest.firstResponseDueAt());
    }

    public String ticketId() {
        return ticketId;
    }

    public Map<String, String> events() {
        return Collections.unmodifiableMap(events);
    }

    public TicketSnapshot latest() {
        return latest;
    }

    public Instant latestAt() {
        return latestAt;
    }

    public String latestEventId() {
        return latestEventId;
    }

    public Instant firstAcceptedAt() {
        return firstAcceptedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant lastResolvedAt() {
        return lastResolvedAt;
    }

    public Instant lastRatedAt() {
        return lastRatedAt;
    }

    public String rating() {
        return rating;
    }

    public Boolean solvedOnTime() {
        return solvedOnTime;
    }

    public Double handlingWorkingHours() {
        return handlingWorkingHours;
    }
}
