package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The pre-aggregated cells give the figures the per-record computation gives ({@link PerRecordFigures}), for random
 * tickets in every state, events applied in random order and partly twice, under every filter and grouping the
 * dashboard uses, at several moments (open overdue depends on "now").
 */
class TicketCellsTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private final Random random = new Random(20261123);

    @Test
    void cellsGiveThePerRecordFiguresUnderEveryFilterAndGrouping() {
        Map<String, List<TicketChange>> histories = new RandomTickets(random, START).histories(1_500);
        List<TicketChange> arrivals = new ArrayList<>();
        histories.values().forEach(arrivals::addAll);
        arrivals.addAll(arrivals.subList(0, 500));
        Collections.shuffle(arrivals, random);

        Map<String, TicketRecord> records = new HashMap<>();
        TicketCells incremental = new TicketCells();
        for (TicketChange change : arrivals) {
            String id = change.ticket().ticketId();
            TicketRecord record = records.computeIfAbsent(id, TicketRecord::new);
            TicketContribution before = record.events().isEmpty() ? null : TicketContribution.of(record);
            if (record.apply(change)) {
                incremental.replace(before, TicketContribution.of(record));
            }
        }
        TicketCells derived = new TicketCells();
        records.values().forEach(r -> derived.replace(null, TicketContribution.of(r)));

        assertThat(incremental.size()).isEqualTo(derived.size()).isLessThan(records.size());
        List<TicketCells.Selection> selections = List.of(
                new TicketCells.Selection(null, null, null, null, null, null),
                new TicketCells.Selection("TY", null, null, null, null, null),
                new TicketCells.Selection(null, "housing", "roads", "GRID_APP", null, null),
                new TicketCells.Selection("", null, null, null, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 12)));
        int compared = 0;
        for (Instant now : List.of(START.plus(Duration.ofDays(8)), START.plus(Duration.ofDays(40)))) {
            for (TicketCells.Selection selection : selections) {
                for (Dimension groupBy : new Dimension[] {null, Dimension.DISTRICT, Dimension.DEPARTMENT,
                        Dimension.CATEGORY, Dimension.CHANNEL}) {
                    for (Period period : new Period[] {null, Period.DAY, Period.WEEK, Period.MONTH}) {
                        Map<String, Map<String, TicketFigures>> expected =
                                perRecord(records.values(), selection, groupBy, period, now);
                        for (TicketCells cells : List.of(incremental, derived)) {
                            Map<String, Map<String, TicketFigures>> actual = new TreeMap<>();
                            cells.sum(selection, k -> groupBy == null ? "ALL" : k.value(groupBy),
                                    k -> period == null ? "ALL" : period.bucketOf(k.reportDay()), now)
                                    .forEach((g, byBucket) -> byBucket.forEach((b, sums) -> actual
                                            .computeIfAbsent(g, x -> new TreeMap<>()).put(b, sums.figures(now))));
                            assertThat(actual.keySet()).isEqualTo(expected.keySet());
                            actual.forEach((g, byBucket) -> {
                                assertThat(byBucket.keySet()).isEqualTo(expected.get(g).keySet());
                                byBucket.forEach((b, figures) -> assertSame(figures, expected.get(g).get(b), g + "/" + b));
                            });
                            compared += actual.values().stream().mapToInt(Map::size).sum();
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    @Test
    void figuresOfRecordsForCommunitiesAndGridsAreThePerRecordOnes() {
        Random random = new Random(5);
        Map<String, TicketRecord> records = new HashMap<>();
        new RandomTickets(random, START).histories(800).forEach((id, history) -> {
            TicketRecord r = new TicketRecord(id);
            history.forEach(r::apply);
            records.put(id, r);
        });
        Instant now = START.plus(Duration.ofDays(9));
        for (Dimension groupBy : new Dimension[] {Dimension.COMMUNITY, Dimension.GRID}) {
            Map<String, List<TicketRecord>> groups = new TreeMap<>();
            records.values().forEach(r -> groups.computeIfAbsent(groupBy.keyOf(r), g -> new ArrayList<>()).add(r));
            groups.forEach((g, list) -> assertSame(TicketFigures.of(list, now), PerRecordFigures.of(list, now), g));
            assertThat(groups).hasSizeGreaterThan(5);
        }
    }

    @Test
    void aTicketMovingCellsLeavesNothingBehind() {
        TicketRecord r = new TicketRecord("t1");
        TicketCells cells = new TicketCells();
        r.apply(change("e1", "reported", "t1", "TY", "REPORTED", START, null));
        cells.replace(null, TicketContribution.of(r));
        TicketContribution before = TicketContribution.of(r);
        r.apply(change("e2", "accepted", "t1", "HT", "ACCEPTED", START.plusSeconds(60), null));
        cells.replace(before, TicketContribution.of(r));

        var sums = cells.sum(new TicketCells.Selection(null, null, null, null, null, null),
                k -> k.value(Dimension.DISTRICT), k -> "ALL", START);
        assertThat(sums.keySet()).containsExactly("HT");
        assertThat(cells.size()).isEqualTo(1);
    }

    private static void assertSame(TicketFigures actual, TicketFigures expected, String where) {
        assertThat(actual).as(where).usingRecursiveComparison()
                .ignoringFields("meanHandlingWorkingHours", "p90HandlingWorkingHours").isEqualTo(expected);
        if (expected.meanHandlingWorkingHours() == null) {
            assertThat(actual.meanHandlingWorkingHours()).as(where).isNull();
        } else {
            // Exact mean (sums in millionths) against the mean of doubles: equal but for a double's rounding at .xx5.
            assertThat(actual.meanHandlingWorkingHours()).as(where)
                    .isCloseTo(expected.meanHandlingWorkingHours(), org.assertj.core.data.Offset.offset(0.0100001));
        }
        if (expected.p90HandlingWorkingHours() == null) {
            assertThat(actual.p90HandlingWorkingHours()).as(where).isNull();
        } else {
            assertThat(actual.p90HandlingWorkingHours()).as(where + " p90 is its bucket's upper edge")
                    .isEqualTo(HandlingHistogram.reported(HandlingHistogram.bucketOf(expected.p90HandlingWorkingHours())));
        }
    }

    private static Map<String, Map<String, TicketFigures>> perRecord(
            java.util.Collection<TicketRecord> records, TicketCells.Selection selection, Dimension groupBy,
            Period period, Instant now) {
        Map<String, Map<String, List<TicketRecord>>> groups = new TreeMap<>();
        for (TicketRecord r : records) {
            TicketSnapshot s = r.latest();
            if (!matches(selection, s)) {
                continue;
            }
            String g = groupBy == null ? "ALL" : groupBy.keyOf(r);
            String b = period == null ? "ALL" : period.bucketOf(s.reportedAt());
            groups.computeIfAbsent(g, x -> new TreeMap<>()).computeIfAbsent(b, x -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, TicketFigures>> figures = new TreeMap<>();
        groups.forEach((g, byBucket) -> byBucket.forEach((b, list) -> figures
                .computeIfAbsent(g, x -> new TreeMap<>()).put(b, PerRecordFigures.of(list, now))));
        return figures;
    }

    /** The old Mongo filter: equality on each given code, reportedAt within [from's start, the day after to). */
    private static boolean matches(TicketCells.Selection q, TicketSnapshot s) {
        Function<String, Boolean> given = v -> v != null && !v.isBlank();
        if (given.apply(q.district()) && !q.district().equals(s.districtCode())
                || given.apply(q.department()) && !q.department().equals(s.departmentCode())
                || given.apply(q.category()) && !q.category().equals(s.categoryCode())
                || given.apply(q.channel()) && !q.channel().equals(s.channel())) {
            return false;
        }
        if (q.from() != null && (s.reportedAt() == null
                || s.reportedAt().isBefore(q.from().atStartOfDay(Period.SANYA).toInstant()))) {
            return false;
        }
        return q.to() == null || (s.reportedAt() != null
                && s.reportedAt().isBefore(q.to().plusDays(1).atStartOfDay(Period.SANYA).toInstant()));
    }

    private static TicketChange change(String eventId, String kind, String ticketId, String district, String status,
                                       Instant at, Double hours) {
        TicketSnapshot s = new TicketSnapshot(ticketId, "GRID_APP", district, district + "-C1", district + "-G1",
                "roads", "transport", status, 0, START, null, null, null, null, null);
        return new TicketChange(eventId, kind, at, s, null, null, hours);
    }

}
