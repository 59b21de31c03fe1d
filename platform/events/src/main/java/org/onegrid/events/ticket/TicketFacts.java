package org.onegrid.events.ticket;

import org.onegrid.events.OptionalField;
import java.time.Instant;

/**
 * What every ticket event carries about its ticket, so that analytics and the centres' public boards can build
 * their views from any single event, in any arrival order. No personal data: no names, phones or free text.
 *
 * @param channel          GRID_APP, HOTLINE_12345, CENTER, PARTNER, OPEN311
 * @param sourceRef        the channel's own reference (hotline case number, appeal id, partner event id), if any
 * @param status           the ticket's state after the transition the event reports
 * @param firstResponseDueAt working-time deadline for acceptance/dispatch (null until classified)
 * @param solutionDueAt    working-time deadline for resolution (null until classified)
 */
public record TicketFacts(
        String ticketId,
        @OptionalField String ticketNo,
        String channel,
        @OptionalField String sourceRef,
        @OptionalField String districtCode,
        @OptionalField String communityCode,
        @OptionalField String gridCode,
        String categoryCode,
        @OptionalField String departmentCode,
        String status,
        int escalationLevel,
        int reopenCount,
        Instant reportedAt,
        @OptionalField Instant acceptedAt,
        @OptionalField Instant firstResponseAt,
        @OptionalField Instant resolvedAt,
        @OptionalField Instant firstResponseDueAt,
        @OptionalField Instant solutionDueAt) {
}
