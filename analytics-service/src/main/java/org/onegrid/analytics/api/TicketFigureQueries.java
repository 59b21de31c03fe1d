package org.onegrid.analytics.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onegrid.analytics.domain.Dimension;
import org.onegrid.analytics.domain.LeagueTable;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.TicketFigures;
import org.onegrid.analytics.domain.TicketRecord;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.springframework.stereotype.Component;

/** Reads the live view generation and computes figures for a filter, grouped by a dimension and a period. */
@Component
public class TicketFigureQueries {

    public record Filter(String district, String department, String community, String category, String channel,
                         LocalDate from, LocalDate to) {
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
        Map<List<String>, List<TicketRecord>> groups = new java.util.HashMap<>();
        for (TicketRecord r : records(new Filter(null, null, null, null, null, null, null))) {
            List<String> key = dimensions.stream().map(d -> d.keyOf(r)).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Map<List<String>, TicketFigures> figures = new java.util.HashMap<>();
        groups.forEach((key, records) -> figures.put(key, TicketFigures.of(records, clock.instant())));
        return figures;
    }

    public TicketFigures overall(Filter filter) {
        return TicketFigures.of(records(filter), clock.instant());
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
        for (TicketRecord r : records(new Filter(null, null, null, null, null, null, null))) {
            if (r.isOpen()) {
                open.merge(Dimension.DISTRICT.keyOf(r), 1L, Long::sum);
            }
        }
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

    private List<TicketRecord> records(Filter filter) {
        return store.find(generations.current().active(), filter.toQuery());
    }
}
