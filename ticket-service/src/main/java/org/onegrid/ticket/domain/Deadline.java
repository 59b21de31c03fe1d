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
        return compute(kind, start, length, Urgency.NORMAL, calendar, warnFraction);
    }

    public static Deadline compute(Kind kind, Instant start, WorkingDuration length, Urgency urgency,
                                   WorkingCalendar calendar, double warnFraction) {
        long minutes = urgency.scale(length.minutes(calendar));
        return new Deadline(kind, start, calendar.plusWorkingMinutes(start, minutes),
                calendar.plusWorkingMinutes(start, (long) Math.floor(minutes * warnFraction)), false, false);
    }

    /**
     * This deadline, or an earlier one promised elsewhere (the 12345 hotline's own deadline for its case): the
     * platform is held to the stricter promise, never relaxed by a later one. The warning then falls at the same
     * share of the (wall-clock) time left.
     */
    public Deadline atLatest(Instant promised, double warnFraction) {
        if (promised == null || !promised.isBefore(dueAt)) {
            return this;
        }
        Instant warn = promised.isAfter(startAt)
                ? startAt.plusMillis((long) Math.floor((promised.toEpochMilli() - startAt.toEpochMilli()) * warnFraction))
                : promised;
        return new Deadline(kind, startAt, promised, warn, warned, escalated);
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
