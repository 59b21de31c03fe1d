package org.onegrid.analytics.api;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.onegrid.analytics.domain.CenterFigures;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.Scope;
import org.onegrid.analytics.domain.TalentFigures;
import org.onegrid.analytics.domain.TalentTide;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Talent and centre figures as Prometheus gauges, labelled by district only (plus the centre level for the centre
 * count): never a person, grid or centre id, so the series stay few.
 */
@Component
class ActivityMetrics {

    private final ActivityFigureQueries queries;
    private final SamplePoints samplePoints;
    private final java.time.Clock clock;
    private final MultiGauge talentPresent;
    private final MultiGauge needsPosted;
    private final MultiGauge liaisonOverdue;
    private final MultiGauge visitors;
    private final MultiGauge wishRate;
    private final MultiGauge volunteerHours;
    private final MultiGauge coverageGaps;
    private final MultiGauge centers;

    ActivityMetrics(ActivityFigureQueries queries, SamplePoints samplePoints, java.time.Clock clock,
                    MeterRegistry registry) {
        this.queries = queries;
        this.samplePoints = samplePoints;
        this.clock = clock;
        talentPresent = gauge(registry, "onegrid.talent.present", "候鸟 talents present in Sanya this month");
        needsPosted = gauge(registry, "onegrid.talent.needs.posted", "Needs posted (需求清单)");
        liaisonOverdue = gauge(registry, "onegrid.talent.liaison.requests.overdue",
                "Liaison service requests that went overdue");
        visitors = gauge(registry, "onegrid.centers.visitors", "Walk-in visitors counted at centres");
        wishRate = gauge(registry, "onegrid.centers.wish.fulfilment.rate", "Micro-wishes fulfilled ÷ posted, percent");
        volunteerHours = gauge(registry, "onegrid.centers.volunteer.hours", "Volunteer hours logged at centres");
        coverageGaps = gauge(registry, "onegrid.centers.coverage.gaps",
                "Sample points with no centre within a 15-minute walk");
        centers = gauge(registry, "onegrid.centers", "Centres by district and level");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String help) {
        return MultiGauge.builder(name).description(help).register(registry);
    }

    @Scheduled(initialDelayString = "${onegrid.analytics.metrics-refresh:15s}",
            fixedDelayString = "${onegrid.analytics.metrics-refresh:15s}")
    void refresh() {
        var talentEvents = queries.talentEvents();
        var centerEvents = queries.centerEvents();
        var positions = queries.centerPositions();
        TreeSet<String> districts = new TreeSet<>();
        samplePoints.all().forEach(p -> districts.add(p.district()));
        positions.forEach(c -> districts.add(c.district()));
        String thisMonth = YearMonth.from(clock.instant().atZone(Period.SANYA)).toString();
        List<MultiGauge.Row<?>> present = new ArrayList<>();
        List<MultiGauge.Row<?>> needs = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        List<MultiGauge.Row<?>> visits = new ArrayList<>();
        List<MultiGauge.Row<?>> rates = new ArrayList<>();
        List<MultiGauge.Row<?>> hours = new ArrayList<>();
        List<MultiGauge.Row<?>> gaps = new ArrayList<>();
        Map<List<String>, Long> byLevel = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (String district : districts) {
            Tags tags = Tags.of("district", district);
            Scope scope = new Scope(district, null, null);
            TalentFigures talent = queries.talent(talentEvents, scope);
            long here = talent.tide().stream().filter(m -> m.month().equals(thisMonth))
                    .mapToLong(TalentTide.Month::present).sum();
            present.add(MultiGauge.Row.of(tags, here));
            needs.add(MultiGauge.Row.of(tags, talent.needs().posted()));
            overdue.add(MultiGauge.Row.of(tags, talent.liaisonRequests().overdue()));
            CenterFigures c = queries.centers(centerEvents, positions, scope);
            visits.add(MultiGauge.Row.of(tags, c.visitors()));
            if (c.wishes().fulfilmentRate() != null) {
                rates.add(MultiGauge.Row.of(tags, c.wishes().fulfilmentRate()));
            }
            hours.add(MultiGauge.Row.of(tags, c.volunteerHours()));
            gaps.add(MultiGauge.Row.of(tags, c.coverageGaps()));
            c.centersByLevel().forEach((level, n) -> byLevel.put(List.of(district, level), n));
        }
        talentPresent.register(present, true);
        needsPosted.register(needs, true);
        liaisonOverdue.register(overdue, true);
        visitors.register(visits, true);
        wishRate.register(rates, true);
        volunteerHours.register(hours, true);
        coverageGaps.register(gaps, true);
        centers.register(byLevel.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(
                Tags.of("district", e.getKey().get(0), "level", e.getKey().get(1)), e.getValue())).toList(), true);
    }
}
