package org.onegrid.ticket.domain;

/**
 * The knobs of the loop that are policy rather than code: the working calendar deadlines are counted on, when the
 * warning comes (share of the working time), and how often an unsatisfied requester can reopen before the ticket
 * is escalated to the city instead, and how long a requester has to rate before a replied ticket closes unrated.
 */
public record TicketPolicy(WorkingCalendar calendar, double warnFraction, int maxReopenings, int maxEscalationLevel,
                           WorkingDuration ratingWindow) {

    public TicketPolicy {
        if (warnFraction <= 0 || warnFraction >= 1) {
            throw new IllegalArgumentException("warnFraction must be between 0 and 1");
        }
    }
}
