package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The figures a district, department, community, grid, category or channel is held to, over a set of tickets.
 * Rates are percentages with two decimals, rounded half up (45,477 resolved of 47,906 accepted → 94.93), or null
 * when the denominator is zero.
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

    public static TicketFigures of(Collection<TicketRecord> tickets, Instant now) {
        Counts c = new Counts();
        tickets.forEach(t -> c.add(t, now));
        return c.figures();
    }

    /** Rate as a percentage, two decimals, half up; null when nothing to divide by. */
    public static BigDecimal rate(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** Nearest-rank percentile of the values (p in 0..100). */
    static Double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static final class Counts {
        long received;
        long accepted;
        long resolved;
        long firstResponses;
        long firstResponsesOnTime;
        long resolvedWithDeadline;
        long resolvedOnTime;
        long rated;
        long satisfied;
        long basicallySatisfied;
        long unsatisfied;
        long reopened;
        long dispatched;
        long returned;
        long openOverdue;
        long warnings;
        long escalations;
        final List<Double> handling = new ArrayList<>();

        void add(TicketRecord t, Instant now) {
            received++;
            if (t.firstAcceptedAt() != null || t.has("accepted")) {
                accepted++;
            }
            if (t.isResolved()) {
                resolved++;
                if (t.solvedOnTime() != null) {
                    resolvedWithDeadline++;
                    if (t.solvedOnTime()) {
                        resolvedOnTime++;
                    }
                }
                if (t.handlingWorkingHours() != null) {
                    handling.add(t.handlingWorkingHours());
                }
            }
            Boolean firstOnTime = t.firstResponseOnTime();
            if (firstOnTime != null) {
                firstResponses++;
                if (firstOnTime) {
                    firstResponsesOnTime++;
                }
            }
            if (t.rating() != null) {
                rated++;
                switch (t.rating()) {
                    case "SATISFIED" -> satisfied++;
                    case "BASICALLY_SATISFIED" -> basicallySatisfied++;
                    default -> unsatisfied++;
                }
            }
            if (t.has("reopened")) {
                reopened++;
            }
            if (t.has("dispatched")) {
                dispatched++;
            }
            if (t.has("returned")) {
                returned++;
            }
            if (t.isOpenOverdue(now)) {
                openOverdue++;
            }
            warnings += t.count("warned");
            escalations += t.count("escalated");
        }

        TicketFigures figures() {
            Double mean = handling.isEmpty() ? null
                    : BigDecimal.valueOf(handling.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                    .setScale(2, RoundingMode.HALF_UP).doubleValue();
            return new TicketFigures(received, accepted, resolved, rate(resolved, accepted),
                    firstResponses, rate(firstResponsesOnTime, firstResponses),
                    rate(resolvedOnTime, resolvedWithDeadline), mean, percentile(handling, 90),
                    rated, satisfied, basicallySatisfied, unsatisfied, rate(satisfied + basicallySatisfied, rated),
                    reopened, rate(reopened, resolved), dispatched, returned, rate(returned, dispatched),
                    openOverdue, warnings, escalations);
        }
    }
}
