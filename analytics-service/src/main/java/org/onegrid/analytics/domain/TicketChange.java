package org.onegrid.analytics.domain;

import java.time.Instant;

/**
 * One ticket event as analytics sees it: what happened, when, and the ticket's facts after it.
 *
 * @param kind     the event's what-happened part, e.g. "dispatched"
 * @param rating   for "rated": SATISFIED, BASICALLY_SATISFIED or UNSATISFIED
 * @param onTime   for "resolved": whether the solution deadline was met
 * @param handlingWorkingHours for "resolved": working hours from acceptance to resolution
 */
public record TicketChange(
        String eventId,
        String kind,
        Instant time,
        TicketSnapshot ticket,
        String rating,
        Boolean onTime,
        Double handlingWorkingHours) {
}
