package org.onegrid.ticket.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistent shape of a ticket: what the store saves and the views read. Only {@link Ticket} changes it, by
 * its commands, which is where the rules live.
 */
public final class TicketData {
    public String id;
    public String ticketNo;
    public String channel;
    public String sourceRef;
    public String clientRequestId;

    public String title;
    public String description;
    public String address;
    public GeoPoint location;
    /** Personal data: shown masked outside the ticket's own handlers, never put in events. */
    public String requesterName;
    public String requesterPhone;
    public String requesterRef;
    public String requesterEmail;
    public String ratingTokenHash;

    public String districtCode;
    public String communityCode;
    public String gridCode;
    public String categoryCode;
    public String departmentCode;

    public TicketStatus status;
    public String parentTicketId;
    /** An open ticket this one probably repeats (same category, close by, shortly before); the dispatcher decides. */
    public String likelyDuplicateOf;
    public int escalationLevel;
    public int reopenCount;
    public int dispatchCount;
    public Rating rating;
    public String ratingComment;
    public String resolutionSummary;
    public String replySummary;
    public String lastReason;
    public Boolean resolvedOnTime;

    public Instant reportedAt;
    public Instant acceptedAt;
    public Instant firstResponseAt;
    public Instant dispatchedAt;
    public Instant resolvedAt;
    public Instant repliedAt;
    public Instant closedAt;
    public Instant updatedAt;

    /** The channel's grading (the 12345 hotline's); it shortens the category's deadlines. */
    public Urgency urgency;
    /** A deadline the channel promised the requester (the hotline's own); the solution deadline is never later. */
    public Instant promisedBy;
    public Deadline firstResponse;
    public Deadline solution;
    /** A replied ticket closes unrated at this time unless the requester rates it first. */
    public Instant ratingDueAt;

    public List<HistoryEntry> history = new ArrayList<>();
    public long version;
}
