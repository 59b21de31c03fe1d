package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable form of {@link TicketFigures}: counts and sums that add up over tickets and over cells, so figures
 * for any filter and grouping are sums of pre-aggregated cells instead of a pass over every ticket.
 *
 * <p>Two figures do not simply add: the p90 handling time (kept as a {@link HandlingHistogram}, see there for the
 * approximation) and "open overdue", which depends on the moment it is asked: each cell keeps its open tickets'
 * solution deadlines as a sorted count map, and a query counts those before "now". Not thread-safe.
 */
public final class FigureSums {

    private long received;
    private long accepted;
    private long resolved;
    private long resolvedWithDeadline;
    private long resolvedOnTime;
    private long firstResponses;
    private long firstResponsesOnTime;
    private long rated;
    private long satisfied;
    private long basicallySatisfied;
    private long unsatisfied;
    private long reopened;
    private long dispatched;
    private long returned;
    private long open;
    private long warnings;
    private long escalations;
    private long handled;
    private long handlingMicros;
    private int[] handling;
    /** Open tickets' solution deadlines (epoch nanoseconds) → how many; only in cells. */
    private TreeMap<Long, Integer> openDeadlines;
    /** Counted when cells are merged for a query (the deadlines themselves are not merged). */
    private long openOverdue;

    /** Adds (sign +1) or takes away (sign -1) one ticket's contribution. */
    public void add(TicketContribution c, int sign) {
        received += sign;
        accepted += c.accepted() ? sign : 0;
        if (c.resolved()) {
            resolved += sign;
            if (c.solvedOnTime() != null) {
                resolvedWithDeadline += sign;
                resolvedOnTime += c.solvedOnTime() ? sign : 0;
            }
            if (c.handlingMicros() != null) {
                handled += sign;
                handlingMicros += sign * c.handlingMicros();
                if (handling == null) {
                    handling = new int[HandlingHistogram.SIZE];
                }
                handling[HandlingHistogram.bucketOf(c.handlingMicros() / 1_000_000.0)] += sign;
            }
        }
        if (c.firstResponseOnTime() != null) {
            firstResponses += sign;
            firstResponsesOnTime += c.firstResponseOnTime() ? sign : 0;
        }
        if (c.rating() != null) {
            rated += sign;
            switch (c.rating()) {
                case "SATISFIED" -> satisfied += sign;
                case "BASICALLY_SATISFIED" -> basicallySatisfied += sign;
                default -> unsatisfied += sign;
            }
        }
        reopened += c.reopened() ? sign : 0;
        dispatched += c.dispatched() ? sign : 0;
        returned += c.returned() ? sign : 0;
        open += c.open() ? sign : 0;
        warnings += sign * c.warnings();
        escalations += sign * c.escalations();
        if (c.openDeadline() != null) {
            if (openDeadlines == null) {
                openDeadlines = new TreeMap<>();
            }
            // A count may go below zero for a moment when two writers' differences land out of order; it is
            // removed only at exactly zero so that the later difference brings it back right.
            openDeadlines.merge(c.openDeadline(), sign, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** Adds a cell's sums into this (query) total, counting the cell's open tickets overdue at {@code now}. */
    public void addCell(FigureSums cell, Instant now) {
        received += cell.received;
        accepted += cell.accepted;
        resolved += cell.resolved;
        resolvedWithDeadline += cell.resolvedWithDeadline;
        resolvedOnTime += cell.resolvedOnTime;
        firstResponses += cell.firstResponses;
        firstResponsesOnTime += cell.firstResponsesOnTime;
        rated += cell.rated;
        satisfied += cell.satisfied;
        basicallySatisfied += cell.basicallySatisfied;
        unsatisfied += cell.unsatisfied;
        reopened += cell.reopened;
        dispatched += cell.dispatched;
        returned += cell.returned;
        open += cell.open;
        warnings += cell.warnings;
        escalations += cell.escalations;
        handled += cell.handled;
        handlingMicros += cell.handlingMicros;
        if (cell.handling != null) {
            if (handling == null) {
                handling = new int[HandlingHistogram.SIZE];
            }
            for (int i = 0; i < handling.length; i++) {
                handling[i] += cell.handling[i];
            }
        }
        openOverdue += cell.openOverdueAt(now);
    }

    /** Open tickets whose solution deadline is before {@code now} (as {@link TicketRecord#isOpenOverdue}). */
    long openOverdueAt(Instant now) {
        if (openDeadlines == null) {
            return openOverdue;
        }
        long overdue = 0;
        for (Map.Entry<Long, Integer> e : openDeadlines.headMap(TicketContribution.nanos(now), false).entrySet()) {
            overdue += e.getValue();
        }
        return overdue + openOverdue;
    }

    public boolean isEmpty() {
        return received == 0;
    }

    public long open() {
        return open;
    }

    public TicketFigures figures(Instant now) {
        Double mean = handled == 0 ? null : BigDecimal.valueOf(handlingMicros)
                .divide(BigDecimal.valueOf(handled).multiply(BigDecimal.valueOf(1_000_000)), 2, RoundingMode.HALF_UP)
                .doubleValue();
        return new TicketFigures(received, accepted, resolved, TicketFigures.rate(resolved, accepted),
                firstResponses, TicketFigures.rate(firstResponsesOnTime, firstResponses),
                TicketFigures.rate(resolvedOnTime, resolvedWithDeadline), mean,
                HandlingHistogram.percentile(handling, handled, 90),
                rated, satisfied, basicallySatisfied, unsatisfied, TicketFigures.rate(satisfied + basicallySatisfied, rated),
                reopened, TicketFigures.rate(reopened, resolved), dispatched, returned, TicketFigures.rate(returned, dispatched),
                openOverdueAt(now), warnings, escalations);
    }
}
