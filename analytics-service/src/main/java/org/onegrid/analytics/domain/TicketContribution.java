package org.onegrid.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one ticket adds to the figures of the cell it belongs to: the figures are sums of these, so a cell can be kept
 * up to date by taking away a ticket's old contribution and adding its new one whenever its record changes.
 *
 * @param cell            where the ticket counts (by its latest facts)
 * @param handlingMicros  working hours from acceptance to resolution, in millionths (exact sums), when resolved
 * @param openDeadline    solution deadline (nanoseconds since the epoch) while the ticket is open; whether it is
 *                        overdue is decided at query time
 */
public record TicketContribution(
        CellKey cell,
        boolean accepted,
        boolean resolved,
        Boolean solvedOnTime,
        Long handlingMicros,
        Boolean firstResponseOnTime,
        String rating,
        boolean reopened,
        boolean dispatched,
        boolean returned,
        boolean open,
        Long openDeadline,
        long warnings,
        long escalations) {

    /** The dimensions a ticket is filed under, as its latest facts give them (null when not known). */
    public record CellKey(String district, String department, String category, String channel, LocalDate reportDay) {

        /** The key to group by; null values are grouped as UNKNOWN, as {@link Dimension#keyOf} does. */
        public String value(Dimension dimension) {
            String v = switch (dimension) {
                case DISTRICT -> district;
                case DEPARTMENT -> department;
                case CATEGORY -> category;
                case CHANNEL -> channel;
                case COMMUNITY, GRID -> throw new IllegalArgumentException("cells are not kept per " + dimension);
            };
            return v == null ? "UNKNOWN" : v;
        }
    }

    public static TicketContribution of(TicketRecord t) {
        TicketSnapshot s = t.latest();
        CellKey cell = s == null ? new CellKey(null, null, null, null, null)
                : new CellKey(s.districtCode(), s.departmentCode(), s.categoryCode(), s.channel(),
                s.reportedAt() == null ? null : s.reportedAt().atZone(Period.SANYA).toLocalDate());
        boolean resolved = t.isResolved();
        Long handling = resolved && t.handlingWorkingHours() != null
                ? Math.round(t.handlingWorkingHours() * 1_000_000) : null;
        boolean openWithDeadline = s != null && s.solutionDueAt() != null && t.isOpen();
        return new TicketContribution(cell,
                t.firstAcceptedAt() != null || t.has("accepted"),
                resolved,
                resolved ? t.solvedOnTime() : null,
                handling,
                t.firstResponseOnTime(),
                t.rating(),
                t.has("reopened"),
                t.has("dispatched"),
                t.has("returned"),
                t.isOpen(),
                openWithDeadline ? nanos(s.solutionDueAt()) : null,
                t.count("warned"),
                t.count("escalated"));
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
