package org.onegrid.ticket.domain.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketStatus;

import static org.assertj.core.api.Assertions.assertThat;

class LikelyDuplicatesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final GeoPoint HERE = new GeoPoint(18.2600, 109.4975);
    /** About 0.0009° of latitude is 100 m. */
    private static final double METRES_PER_DEGREE = 111_195;

    @Test
    void sameCategoryWithin100MetresAnd24HoursOfAnOpenTicket() {
        var near = ticket("a", "noise", north(80), NOW.minus(Duration.ofHours(23)), TicketStatus.DISPATCHED);
        assertThat(LikelyDuplicates.of("new", "noise", HERE, NOW, List.of(near))).contains("a");
    }

    @Test
    void theNearestOfSeveralIsNamed() {
        var far = ticket("far", "noise", north(90), NOW.minusSeconds(60), TicketStatus.REPORTED);
        var near = ticket("near", "noise", north(20), NOW.minusSeconds(3600), TicketStatus.ACCEPTED);
        assertThat(LikelyDuplicates.of("new", "noise", HERE, NOW, List.of(far, near))).contains("near");
    }

    @Test
    void notFlaggedWhenFartherOlderAnotherCategoryClosedOrItself() {
        assertThat(LikelyDuplicates.of("new", "noise", HERE, NOW, List.of(
                ticket("far", "noise", north(110), NOW.minusSeconds(60), TicketStatus.REPORTED),
                ticket("old", "noise", north(10), NOW.minus(Duration.ofHours(25)), TicketStatus.REPORTED),
                ticket("other", "roads", north(10), NOW.minusSeconds(60), TicketStatus.REPORTED),
                ticket("done", "noise", north(10), NOW.minusSeconds(60), TicketStatus.RESOLVED),
                ticket("new", "noise", HERE, NOW, TicketStatus.REPORTED)))).isEmpty();
        assertThat(LikelyDuplicates.of("new", "noise", null, NOW, List.of(
                ticket("a", "noise", HERE, NOW.minusSeconds(60), TicketStatus.REPORTED)))).isEmpty();
    }

    private static GeoPoint north(double metres) {
        return new GeoPoint(HERE.lat() + metres / METRES_PER_DEGREE, HERE.lon());
    }

    private static TicketData ticket(String id, String category, GeoPoint at, Instant reportedAt, TicketStatus status) {
        TicketData t = new TicketData();
        t.id = id;
        t.categoryCode = category;
        t.location = at;
        t.reportedAt = reportedAt;
        t.status = status;
        return t;
    }
}
