package org.onegrid.analytics.domain;

import java.time.Instant;

/** The ticket's facts as one event reported them. */
public record TicketSnapshot(
        String ticketId,
        String channel,
        String districtCode,
        String communityCode,
        String gridCode,
        String categoryCode,
        String departmentCode,
        String status,
        int escalationLevel,
        Instant reportedAt,
        Instant acceptedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant firstResponseDueAt,
        Instant solutionDueAt) {
}
