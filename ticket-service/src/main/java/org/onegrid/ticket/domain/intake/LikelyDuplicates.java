package org.onegrid.ticket.domain.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.TicketData;

/**
 * A new report of the same kind of problem, close by and soon after an open ticket, is most likely the same problem
 * seen by someone else. It is only flagged: merging stays the dispatcher's decision.
 */
public final class LikelyDuplicates {

    public static final double RADIUS_M = 100;
    public static final Duration WINDOW = Duration.ofHours(24);

    private LikelyDuplicates() {
    }

    /**
     * The nearest open ticket of the same category reported within {@link #WINDOW} before {@code reportedAt} and
     * {@link #RADIUS_M} of {@code location}; candidates are expected to be open already.
     */
    public static Optional<String> of(String id, String categoryCode, GeoPoint location, Instant reportedAt,
                                      List<TicketData> openCandidates) {
        if (location == null || categoryCode == null) {
            return Optional.empty();
        }
        Instant since = reportedAt.minus(WINDOW);
        return openCandidates.stream()
                .filter(t -> !t.id.equals(id) && categoryCode.equals(t.categoryCode) && t.location != null)
                .filter(t -> t.status.awaitsSolution() && t.parentTicketId == null)
                .filter(t -> !t.reportedAt.isBefore(since) && !t.reportedAt.isAfter(reportedAt))
                .filter(t -> t.location.distanceTo(location) <= RADIUS_M)
                .min(Comparator.comparingDouble((TicketData t) -> t.location.distanceTo(location))
                        .thenComparing(t -> t.reportedAt))
                .map(t -> t.id);
    }
}
