package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;

/**
 * The figures a district, department, community, grid, category or channel is held to, over a set of tickets.
 * Rates are percentages with two decimals, rounded half up (45,477 resolved of 47,906 accepted → 94.93), or null
 * when the denominator is zero. The mean handling time is exact (sums in millionths of an hour); the p90 is a
 * bucket's upper edge (see {@link HandlingHistogram}).
 */
public record TicketFigures(
        long received,
        long accepted,
        long resolved,
        BigDecimal completionRate,
        long firstResponses,
        BigDecimal firstResponseOnTimeRate,
        BigDecimal solutionOnTimeRate,
        Double meanHandlingWorkingHours,
        Double p90HandlingWorkingHours,
        long rated,
        long satisfied,
        long basicallySatisfied,
        long unsatisfied,
        BigDecimal satisfactionRate,
        long reopened,
        BigDecimal reopenRate,
        long dispatched,
        long returned,
        BigDecimal returnedRate,
        long openOverdue,
        long warnings,
        long escalations) {

    /** The figures of a set of tickets: the sum of their contributions (see {@link FigureSums}). */
    public static TicketFigures of(Collection<TicketRecord> tickets, Instant now) {
        FigureSums sums = new FigureSums();
        tickets.forEach(t -> sums.add(TicketContribution.of(t), 1));
        return sums.figures(now);
    }

    /** Rate as a percentage, two decimals, half up; null when nothing to divide by. */
    public static BigDecimal rate(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
