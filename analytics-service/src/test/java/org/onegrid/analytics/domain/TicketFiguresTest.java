package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TicketFiguresTest {

    private static final Instant DAY = Instant.parse("2022-06-01T01:00:00Z");
    private static final Instant NOW = Instant.parse("2022-12-31T12:00:00Z");

    @Test
    void yazhouDistrict2022CompletionRate() {
        // 崖州区 2022: 47,906 items accepted, 45,477 closed → 办结率 94.93 %.
        List<TicketRecord> tickets = new ArrayList<>();
        for (int i = 0; i < 47_906; i++) {
            TicketRecord r = new TicketRecord("t" + i);
            r.apply(change("e" + i + "a", "accepted", "t" + i, "ACCEPTED", 0));
            if (i < 45_477) {
                r.apply(change("e" + i + "r", "resolved", "t" + i, "RESOLVED", 1));
            }
            tickets.add(r);
        }

        TicketFigures f = TicketFigures.of(tickets, NOW);

        assertThat(f.accepted()).isEqualTo(47_906);
        assertThat(f.resolved()).isEqualTo(45_477);
        assertThat(f.completionRate()).isEqualByComparingTo("94.93");
    }

    @Test
    void ratesRoundHalfUpToTwoDecimalsAndAreNullWithoutData() {
        assertThat(TicketFigures.rate(2, 3)).isEqualByComparingTo("66.67");
        assertThat(TicketFigures.rate(1, 8)).isEqualByComparingTo("12.50");
        assertThat(TicketFigures.rate(0, 0)).isNull();
        // City government-service ratings 1-9/2021: satisfaction 99.94 %.
        assertThat(TicketFigures.rate(189_886, 190_000)).isEqualByComparingTo(new BigDecimal("99.94"));
    }

    @Test
    void p90IsTheNearestRankAsItsBucketsUpperEdge() {
        assertThat(PerRecordFigures.percentile(List.of(2.0, 20.0, 4.0, 6.0), 90)).isEqualTo(20.0);
        assertThat(PerRecordFigures.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90))
                .isEqualTo(9.0);
        assertThat(PerRecordFigures.percentile(List.of(), 90)).isNull();

        assertThat(p90(2.0, 20.0, 4.0, 6.0)).isEqualTo(20.0);
        assertThat(p90(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0)).isEqualTo(9.0);
        assertThat(p90(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 8.6, 10.0)).as("8.6 h falls in (8, 9]").isEqualTo(9.0);
        assertThat(p90(0.1)).isEqualTo(0.5);
        assertThat(p90(1_500.0)).as("capped at the last edge").isEqualTo(1_000.0);
        assertThat(p90()).isNull();
    }

    private static Double p90(double... hours) {
        int[] counts = new int[HandlingHistogram.SIZE];
        for (double h : hours) {
            counts[HandlingHistogram.bucketOf(h)]++;
        }
        return HandlingHistogram.percentile(counts, hours.length, 90);
    }

    static TicketChange change(String eventId, String kind, String ticketId, String status, int minutes) {
        Instant at = DAY.plusSeconds(60L * minutes);
        TicketSnapshot s = new TicketSnapshot(ticketId, "HOTLINE_12345", "YZ", "YZ-C1", "YZ-C1-01", "roads",
                "transport", status, 0, DAY, DAY, DAY, "RESOLVED".equals(status) ? at : null, DAY.plusSeconds(3600),
                DAY.plusSeconds(86_400));
        return new TicketChange(eventId, kind, at, s, null, "resolved".equals(kind) ? true : null,
                "resolved".equals(kind) ? 3.5 : null);
    }
}
