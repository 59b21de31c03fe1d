package org.onegrid.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;

/** Builds one ticket's event history, as ticket-service would publish it, for feeding analytics in tests. */
public final class TicketStory {

    private final String ticketId = "t-" + UUID.randomUUID();
    private final String district;
    private final String department;
    private final String category;
    private final String channel;
    private final Instant reportedAt;
    private final List<EventEnvelope> events = new ArrayList<>();
    private Instant now;
    private Instant acceptedAt;
    private Instant firstResponseAt;
    private Instant resolvedAt;
    private String status = "REPORTED";
    private int escalation;

    private TicketStory(String district, String department, String category, String channel, Instant reportedAt) {
        this.district = district;
        this.department = department;
        this.category = category;
        this.channel = channel;
        this.reportedAt = reportedAt;
        this.now = reportedAt;
    }

    public static TicketStory reported(String district, String department, Instant at) {
        TicketStory story = new TicketStory(district, department, "sanitation", "GRID_APP", at);
        story.emit(TicketEvents.REPORTED, new TicketEvents.Reported(story.facts()));
        return story;
    }

    public TicketStory accepted() {
        later();
        acceptedAt = now;
        firstResponseAt = now;
        status = "ACCEPTED";
        return emit(TicketEvents.ACCEPTED, new TicketEvents.Accepted(facts(), false));
    }

    public TicketStory dispatched() {
        later();
        status = "DISPATCHED";
        return emit(TicketEvents.DISPATCHED, new TicketEvents.Dispatched(facts(), department, 1));
    }

    public TicketStory returned() {
        later();
        status = "RETURNED";
        return emit(TicketEvents.RETURNED, new TicketEvents.Returned(facts(), department, "not ours"));
    }

    public TicketStory resolved(boolean onTime, double workingHours) {
        later();
        resolvedAt = now;
        status = "RESOLVED";
        return emit(TicketEvents.RESOLVED, new TicketEvents.Resolved(facts(), false, onTime, workingHours, "fixed"));
    }

    public TicketStory rated(String rating) {
        later();
        status = "CLOSED";
        return emit(TicketEvents.RATED, new TicketEvents.Rated(facts(), rating));
    }

    public TicketStory reopened() {
        later();
        status = "REOPENED";
        return emit(TicketEvents.REOPENED, new TicketEvents.Reopened(facts(), 1));
    }

    public TicketStory warned() {
        later();
        return emit(TicketEvents.WARNED, new TicketEvents.Warned(facts(), "SOLUTION", solutionDue()));
    }

    public TicketStory escalated() {
        later();
        escalation++;
        return emit(TicketEvents.ESCALATED, new TicketEvents.Escalated(facts(), "SOLUTION", solutionDue(), escalation));
    }

    public List<EventEnvelope> events() {
        return events;
    }

    /**
     * The records of n whole ticket lives (reported to rated, one in seven resolved late) as they lie on the topic:
     * what the benchmarks decode.
     */
    public static List<String> encodedLives(int tickets) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            TicketStory story = reported("HT", "housing", Instant.parse("2026-01-01T01:00:00Z"));
            story.accepted().dispatched().resolved(i % 7 != 0, 2.0).rated("SATISFIED");
            story.events().forEach(e -> records.add(EventCodec.encode(e)));
        }
        return records;
    }

    public String ticketId() {
        return ticketId;
    }

    private Instant solutionDue() {
        return reportedAt.plus(Duration.ofDays(3));
    }

    private void later() {
        now = now.plus(Duration.ofMinutes(30));
    }

    private TicketFacts facts() {
        return new TicketFacts(ticketId, "T-" + ticketId.substring(2, 8), channel, null, district, district + "-C1",
                district + "-C1-01", category, department, status, escalation, 0, reportedAt, acceptedAt,
                firstResponseAt, resolvedAt, reportedAt.plus(Duration.ofHours(4)), solutionDue());
    }

    private <T> TicketStory emit(EventType<T> type, T payload) {
        events.add(EventEnvelope.create(type, "/onegrid/ticket-service", ticketId, payload, "test", now));
        return this;
    }
}
