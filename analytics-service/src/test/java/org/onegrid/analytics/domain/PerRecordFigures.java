package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The test oracle: ticket figures computed the way analytics did before the cells, one pass over the records with an
 * exact nearest-rank p90 and a mean of doubles. The cells must give the same figures (p90 up to its bucket).
 */
final class PerRecordFigures {

    private PerRecordFigures() {
    }

    static TicketFigures of(Collection<TicketRecord> tickets, Instant now) {
        Counts c = new Counts();
        tickets.forEach(t -> c.add(t, now));
        return c.figures();
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
            return new TicketFigures(received, accepted, resolved, TicketFigures.rate(resolved, accepted),
                    firstResponses, TicketFigures.rate(firstResponsesOnTime, firstResponses),
                    TicketFigures.rate(resolvedOnTime, resolvedWithDeadline), mean, percentile(handling, 90),
                    rated, satisfied, basicallySatisfied, unsatisfied,
                    TicketFigures.rate(satisfied + basicallySatisfied, rated),
                    reopened, TicketFigures.rate(reopened, resolved), dispatched, returned,
                    TicketFigures.rate(returned, dispatched), openOverdue, warnings, escalations);
        }
    }
}
