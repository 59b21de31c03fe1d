package org.onegrid.ticket.domain;

import java.time.Instant;

/**
 * One working-time deadline of a ticket, with the moment its 80 % warning is due and whether the warning and the
 * escalation have been sent. The flags make the checker's effects happen once however often it runs.
 */
public record Deadline(Kind kind, Instant startAt, Instant dueAt, Instant warnAt, boolean warned, boolean escalated) {

    public enum Kind { FIRST_RESPONSE, SOLUTION }

    public static Deadline compute(Kind kind, Instant start, WorkingDuration length, WorkingCalendar calendar,
                                   double warnFraction) {
        long minutes = length.minutes(calendar);
        return new Deadline(kind, start, calendar.plusWorkingMinutes(start, minutes),
                calendar.plusWorkingMinutes(start, (long) Math.floor(minutes * warnFraction)), false, false);
    }

    Deadline markWarned() {
        return new Deadline(kind, startAt, dueAt, warnAt, true, escalated);
    }

    Deadline markEscalated() {
        return new Deadline(kind, startAt, dueAt, warnAt, true, true);
    }

    public boolean isOverdue(Instant now) {
        return !now.isBefore(dueAt);
    }
}
