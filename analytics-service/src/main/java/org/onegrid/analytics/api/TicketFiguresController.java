package org.onegrid.analytics.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import org.onegrid.analytics.domain.Dimension;
import org.onegrid.analytics.domain.LeagueTable;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.TicketFigures;
import org.onegrid.platform.service.Ranges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket figures (办结率, on-time, 满意率 …) per district, department, community, grid, category or channel, per day,
 * week or month (by the Sanya date a ticket was reported), as JSON or CSV; and the league table.
 */
@RestController
@RequestMapping({"/analytics", "/api/analytics"})
class TicketFiguresController {

    private final TicketFigureQueries queries;
    private final LeagueTable.Weights weights;

    TicketFiguresController(TicketFigureQueries queries,
                            @Value("${onegrid.analytics.league.weights.completion:0.3}") double completion,
                            @Value("${onegrid.analytics.league.weights.on-time:0.3}") double onTime,
                            @Value("${onegrid.analytics.league.weights.satisfaction:0.3}") double satisfaction,
                            @Value("${onegrid.analytics.league.weights.not-reopened:0.1}") double notReopened) {
        this.queries = queries;
        this.weights = new LeagueTable.Weights(completion, onTime, satisfaction, notReopened);
    }

    record FiguresResponse(String groupBy, String period, List<TicketFigureQueries.Row> rows) {
    }

    /** The query parameters of both figure endpoints. */
    record FigureParams(Dimension groupBy, Period period, String district, String department, String community,
                        String category, String channel,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        TicketFigureQueries.Filter filter() {
            Ranges.requireOrdered("from", from, "to", to);
            return new TicketFigureQueries.Filter(district, department, community, category, channel, from, to);
        }
    }

    @Operation(summary = "Ticket figures, optionally grouped by a dimension (groupBy) and a period (DAY, WEEK, MONTH)")
    @GetMapping("/tickets/figures")
    FiguresResponse figures(@ModelAttribute FigureParams params) {
        return new FiguresResponse(params.groupBy() == null ? null : params.groupBy().name(),
                params.period() == null ? null : params.period().name(),
                queries.figures(params.filter(), params.groupBy(), params.period()));
    }

    @Operation(summary = "The same figures as CSV (one row per group and period)")
    @GetMapping(value = "/tickets/figures.csv", produces = "text/csv")
    ResponseEntity<String> figuresCsv(@ModelAttribute FigureParams params) {
        var rows = figures(params).rows();
        String header = Stream.concat(Stream.of("key", "period"),
                Stream.of(TicketFigures.class.getRecordComponents()).map(c -> c.getName()))
                .collect(Collectors.joining(","));
        String body = rows.stream().map(TicketFiguresController::csvLine).collect(Collectors.joining("\n"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ticket-figures.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(header + "\n" + body + (body.isEmpty() ? "" : "\n"));
    }

    @Operation(summary = "述职评议 league table per district or department, with the configured weights")
    @GetMapping("/league")
    List<LeagueTable.Row> league(@RequestParam(defaultValue = "DISTRICT") Dimension by,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Ranges.requireOrdered("from", from, "to", to);
        return queries.league(new TicketFigureQueries.Filter(null, null, null, null, null, from, to), by, weights);
    }

    record HistoryRow(String period, int rank, String unit, BigDecimal score) {
    }

    @Operation(summary = "The league table's change over time: each unit's rank and score per period (DAY, WEEK, "
            + "MONTH by the Sanya date tickets were reported), oldest period first")
    @GetMapping("/league/history")
    List<HistoryRow> leagueHistory(@RequestParam(defaultValue = "DISTRICT") Dimension by,
                                   @RequestParam(defaultValue = "MONTH") Period period,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (by != Dimension.DISTRICT && by != Dimension.DEPARTMENT) {
            throw org.onegrid.platform.service.ApiException.badRequest("by", "must be DISTRICT or DEPARTMENT");
        }
        Ranges.requireOrdered("from", from, "to", to);
        return queries.leagueHistory(new TicketFigureQueries.Filter(null, null, null, null, null, from, to), by,
                        period, weights).stream()
                .flatMap(s -> s.table().stream().map(r -> new HistoryRow(s.period(), r.rank(), r.unit(), r.score())))
                .toList();
    }

    private static String csvLine(TicketFigureQueries.Row row) {
        Stream<String> values = Stream.of(TicketFigures.class.getRecordComponents()).map(c -> {
            try {
                Object v = c.getAccessor().invoke(row.figures());
                return v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        return Stream.concat(Stream.of(csv(row.key()), csv(row.period())), values).collect(Collectors.joining(","));
    }

    private static String csv(String value) {
        // Keys are codes, but a leading =,+,-,@ would be a formula in a spreadsheet.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
