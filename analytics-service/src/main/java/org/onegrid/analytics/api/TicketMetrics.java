package org.onegrid.analytics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.onegrid.analytics.domain.Dimension;
import org.onegrid.analytics.domain.TicketFigures;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ticket figures as Prometheus gauges. Labels are bounded (district, department, category, channel — never grid
 * or person), so the series count stays small whatever the ticket volume. Counts carry all four labels (sum them
 * in PromQL); rates cannot be summed, so they are given per district.
 */
@Component
class TicketMetrics {

    private static final List<Dimension> COUNT_LABELS = List.of(Dimension.DISTRICT, Dimension.DEPARTMENT,
            Dimension.CATEGORY, Dimension.CHANNEL);

    private final TicketFigureQueries queries;
    private final List<Gauge> counts = new ArrayList<>();
    private final List<Gauge> rates = new ArrayList<>();

    private record Gauge(MultiGauge gauge, Function<TicketFigures, Number> value) {
    }

    TicketMetrics(TicketFigureQueries queries, MeterRegistry registry) {
        this.queries = queries;
        counts.add(gauge(registry, "onegrid.tickets.received", "Tickets received", TicketFigures::received));
        counts.add(gauge(registry, "onegrid.tickets.resolved", "Tickets resolved (办结)", TicketFigures::resolved));
        counts.add(gauge(registry, "onegrid.tickets.open.overdue", "Open tickets past their solution deadline",
                TicketFigures::openOverdue));
        counts.add(gauge(registry, "onegrid.tickets.escalations", "Escalations (督办)", TicketFigures::escalations));
        rates.add(gauge(registry, "onegrid.tickets.completion.rate", "办结率, percent", TicketFigures::completionRate));
        rates.add(gauge(registry, "onegrid.tickets.satisfaction.rate", "满意率, percent",
                TicketFigures::satisfactionRate));
        rates.add(gauge(registry, "onegrid.tickets.ontime.rate", "Solutions on time, percent",
                TicketFigures::solutionOnTimeRate));
    }

    private static Gauge gauge(MeterRegistry registry, String name, String help, Function<TicketFigures, Number> value) {
        return new Gauge(MultiGauge.builder(name).description(help).register(registry), value);
    }

    @Scheduled(initialDelayString = "${onegrid.analytics.metrics-refresh:15s}",
            fixedDelayString = "${onegrid.analytics.metrics-refresh:15s}")
    void refresh() {
        Map<List<String>, TicketFigures> byLabels = queries.figuresByCombination(COUNT_LABELS);
        for (Gauge g : counts) {
            g.gauge().register(byLabels.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("district", e.getKey().get(0), "department", e.getKey().get(1),
                            "category", e.getKey().get(2), "channel", e.getKey().get(3)), g.value().apply(e.getValue())))
                    .toList(), true);
        }
        Map<List<String>, TicketFigures> byDistrict = queries.figuresByCombination(List.of(Dimension.DISTRICT));
        for (Gauge g : rates) {
            g.gauge().register(byDistrict.entrySet().stream()
                    .filter(e -> g.value().apply(e.getValue()) != null)
                    .map(e -> MultiGauge.Row.of(Tags.of("district", e.getKey().get(0)), g.value().apply(e.getValue())))
                    .toList(), true);
        }
    }
}
