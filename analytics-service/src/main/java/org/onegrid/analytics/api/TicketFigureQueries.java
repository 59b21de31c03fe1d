package org.onegrid.analytics.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onegrid.analytics.domain.Dimension;
import org.onegrid.analytics.domain.FigureSums;
import org.onegrid.analytics.domain.LeagueTable;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.TicketCells;
import org.onegrid.analytics.domain.TicketFigures;
import org.onegrid.analytics.domain.TicketRecord;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.springframework.stereotype.Component;

/**
 * Figures of the live view generation for a filter, grouped by a dimension and a period: sums of the pre-aggregated
 * cells ({@link TicketCells}). Communities and grids are not cell dimensions (see there), so figures grouped by or
 * filtered on a community, or grouped by grid — no dashboard view asks for them — are still computed from the
 * matching records: their cost grows with those tickets.
 */
@Component
public class TicketFigureQueries {

    public record Filter(String district, String department, String community, String category, String channel,
                         LocalDate from, LocalDate to) {
        static final Filter ALL = new Filter(null, null, null, null, null, null, null);

        TicketCells.Selection toSelection() {
            return new TicketCells.Selection(district, department, category, channel, from, to);
        }

        TicketViewStore.Query toQuery() {
            return new TicketViewStore.Query(district, department, community, category, channel,
                    from == null ? null : from.atStartOfDay(Period.SANYA).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(Period.SANYA).toInstant());
        }
    }

    public record Row(String key, String period, TicketFigures figures) {
    }

    private final TicketViewStore store;
    private final ViewGenerations generations;
    private final Clock clock;

    public TicketFigureQueries(TicketViewStore store, ViewGenerations generations, Clock clock) {
        this.store = store;
        this.generations = generations;
        this.clock = clock;
    }

    public List<Row> figures(Filter filter, Dimension groupBy, Period period) {
        if (groupBy == Dimension.GRID || groupBy == Dimension.COMMUNITY
                || (filter.community() != null && !filter.community().isBlank())) {
            return figuresFromRecords(filter, groupBy, period);
        }
        Instant now = clock.instant();
        Map<LocalDate, String> buckets = new HashMap<>();
        Map<String, Map<String, FigureSums>> sums = cells().sum(filter.toSelection(),
                key -> groupBy == null ? "ALL" : key.value(groupBy),
                key -> period == null ? "ALL" : bucketOf(buckets, period, key.reportDay()), now);
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, byBucket) -> byBucket.forEach((bucket, s) -> rows.add(new Row(key, bucket, s.figures(now)))));
        return rows;
    }

    private static String bucketOf(Map<LocalDate, String> memo, Period period, LocalDate day) {
        if (day == null) {
            return period.bucketOf((LocalDate) null);
        }
        return memo.computeIfAbsent(day, period::bucketOf);
    }

    private List<Row> figuresFromRecords(Filter filter, Dimension groupBy, Period period) {
        Map<String, Map<String, List<TicketRecord>>> groups = new TreeMap<>();
        for (TicketRecord r : records(filter)) {
            String key = groupBy == null ? "ALL" : groupBy.keyOf(r);
            String bucket = period == null ? "ALL" : period.bucketOf(r.latest() == null ? null : r.latest().reportedAt());
            groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(bucket, b -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, byBucket) -> byBucket.forEach((bucket, records) ->
                rows.add(new Row(key, bucket, TicketFigures.of(records, clock.instant())))));
        return rows;
    }

    /** Figures for every combination of the dimensions' values that has tickets (for metric labels). */
    public Map<List<String>, TicketFigures> figuresByCombination(List<Dimension> dimensions) {
        Instant now = clock.instant();
        Map<List<String>, TicketFigures> figures = new HashMap<>();
        cells().sum(Filter.ALL.toSelection(), key -> String.join("\0", dimensions.stream().map(key::value).toList()),
                        key -> "ALL", now)
                .forEach((joined, byBucket) -> figures.put(List.of(joined.split("\0", -1)),
                        byBucket.get("ALL").figures(now)));
        return figures;
    }

    public TicketFigures overall(Filter filter) {
        return figures(filter, null, null).stream().findFirst().map(Row::figures)
                .orElseGet(() -> new FigureSums().figures(clock.instant()));
    }

    public List<LeagueTable.Row> league(Filter filter, Dimension by, LeagueTable.Weights weights) {
        Map<String, TicketFigures> byUnit = new TreeMap<>();
        for (Row row : figures(filter, by, null)) {
            byUnit.put(row.key(), row.figures());
        }
        return LeagueTable.rank(byUnit, weights);
    }

    /** Open tickets (not resolved, rejected, merged or closed) per district. */
    public Map<String, Long> openByDistrict() {
        Map<String, Long> open = new TreeMap<>();
        cells().sum(Filter.ALL.toSelection(), key -> key.value(Dimension.DISTRICT), key -> "ALL", clock.instant())
                .forEach((district, byBucket) -> {
                    long n = byBucket.get("ALL").open();
                    if (n > 0) {
                        open.put(district, n);
                    }
                });
        return open;
    }

    public record Standing(String period, List<LeagueTable.Row> table) {
    }

    /** The league table per period (by the Sanya date tickets were reported): how each unit's rank moved. */
    public List<Standing> leagueHistory(Filter filter, Dimension by, Period period, LeagueTable.Weights weights) {
        Map<String, Map<String, TicketFigures>> byPeriod = new TreeMap<>();
        for (Row row : figures(filter, by, period)) {
            byPeriod.computeIfAbsent(row.period(), p -> new TreeMap<>()).put(row.key(), row.figures());
        }
        List<Standing> history = new ArrayList<>();
        byPeriod.forEach((p, units) -> history.add(new Standing(p, LeagueTable.rank(units, weights))));
        return history;
    }

    private TicketCells cells() {
        return store.cells(generations.current().active());
    }

    private List<TicketRecord> records(Filter filter) {
        return store.find(generations.current().active(), filter.toQuery());
    }
}
