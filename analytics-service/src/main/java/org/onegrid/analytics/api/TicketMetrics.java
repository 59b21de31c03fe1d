package org.onegrid.analytics.api;

import java.util.ArrayList;
import java.util.List;
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
 * or person), so the series count stays small whatever the ticket volume.
 */
@Component
class TicketMetrics {

    private static final List<Dimension> LABELS = List.of(Dimension.DISTRICT, Dimension.DEPARTMENT,
            Dimension.CATEGORY, Dimension.CHANNEL);

    private final TicketFigureQueries queries;
    private final List<Gauge> gauges = new ArrayList<>();

    private record Gauge(Dimension dimension, MultiGauge gauge, Function<TicketFigures, Number> value) {
    }

    TicketMetrics(TicketFigureQueries queries, MeterRegistry registry) {
        this.queries = queries;
        for (Dimension d : LABELS) {
            gauge(registry, d, "onegrid.tickets.received", "Tickets received", TicketFigures::received);
            gauge(registry, d, "onegrid.tickets.resolved", "Tickets resolved (办结)", TicketFigures::resolved);
            gauge(registry, d, "onegrid.tickets.open.overdue", "Open tickets past their solution deadline",
                    TicketFigures::openOverdue);
            gauge(registry, d, "onegrid.tickets.escalations", "Escalations (督办)", TicketFigures::escalations);
        }
        gauge(registry, Dimension.DISTRICT, "onegrid.tickets.completion.rate", "办结率, percent",
                TicketFigures::completionRate);
        gauge(registry, Dimension.DISTRICT, "onegrid.tickets.satisfaction.rate", "满意率, percent",
                TicketFigures::satisfactionRate);
        gauge(registry, Dimension.DISTRICT, "onegrid.tickets.ontime.rate", "Solutions on time, percent",
                TicketFigures::solutionOnTimeRate);
    }

    private void gauge(MeterRegistry registry, Dimension d, String name, String help,
                       Function<TicketFigures, Number> value) {
        gauges.add(new Gauge(d, MultiGauge.builder(name).description(help).register(registry), value));
    }

    @Scheduled(initialDelayString = "${onegrid.analytics.metrics-refresh:15s}",
            fixedDelayString = "${onegrid.analytics.metrics-refresh:15s}")
    void refresh() {
        var all = new TicketFigureQueries.Filter(null, null, null, null, null, null, null);
        for (Dimension d : LABELS) {
            List<TicketFigureQueries.Row> rows = queries.figures(all, d, null);
            String label = d.name().toLowerCase();
            for (Gauge g : gauges) {
                if (g.dimension() != d) {
                    continue;
                }
                g.gauge().register(rows.stream()
                        .filter(r -> g.value().apply(r.figures()) != null)
                        .map(r -> MultiGauge.Row.of(Tags.of(label, r.key()), g.value().apply(r.figures())))
                        .toList(), true);
            }
        }
    }
}
