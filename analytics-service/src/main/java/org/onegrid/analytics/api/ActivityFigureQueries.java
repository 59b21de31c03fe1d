package org.onegrid.analytics.api;

import java.time.Clock;
import java.util.Collection;

import org.onegrid.analytics.domain.CenterFigures;
import org.onegrid.analytics.domain.CoverageGaps;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.Scope;
import org.onegrid.analytics.domain.TalentFigures;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.talent.TalentEvents;
import org.springframework.stereotype.Component;

/**
 * Talent and centre figures from the recorded events of the live view generation. The events are few (thousands,
 * not millions), so the figures are computed per request from the payloads rather than kept as counters: that keeps
 * them exact whatever order the events came in, and a rebuild only has to replay the events.
 */
@Component
public class ActivityFigureQueries {

    private final ActivityEventStore store;
    private final ViewGenerations generations;
    private final SamplePoints samplePoints;
    private final Clock clock;

    public ActivityFigureQueries(ActivityEventStore store, ViewGenerations generations, SamplePoints samplePoints,
                                 Clock clock) {
        this.store = store;
        this.generations = generations;
        this.samplePoints = samplePoints;
        this.clock = clock;
    }

    public TalentFigures talent(Scope scope) {
        return talent(talentEvents(), scope);
    }

    public TalentFigures talent(TalentFigures.Events events, Scope scope) {
        return TalentFigures.of(events, scope, clock.instant().atZone(Period.SANYA).toLocalDate());
    }

    public TalentFigures.Events talentEvents() {
        int g = generations.current().active();
        var events = new TalentFigures.Events(store.payloads(g, TalentEvents.REGISTERED),
                store.payloads(g, TalentEvents.CERTIFIED), store.payloads(g, TalentEvents.STAY_STARTED),
                store.payloads(g, TalentEvents.STAY_ENDED), store.payloads(g, TalentEvents.NEED_POSTED),
                store.payloads(g, TalentEvents.MATCH_ACCEPTED), store.payloads(g, TalentEvents.MATCH_COMPLETED),
                store.payloads(g, TalentEvents.SERVICE_REQUESTED),
                store.payloads(g, TalentEvents.SERVICE_REQUEST_OVERDUE));
        return events;
    }

    public CenterFigures centers(Scope scope) {
        return centers(centerEvents(), centerPositions(), scope);
    }

    public CenterFigures centers(CenterFigures.Events events, Collection<CoverageGaps.CenterPosition> positions,
                                 Scope scope) {
        return CenterFigures.of(events, scope, positions, CenterFigures.pointsIn(samplePoints.all(), scope));
    }

    public CenterFigures.Events centerEvents() {
        int g = generations.current().active();
        var events = new CenterFigures.Events(store.payloads(g, CenterEvents.VISIT_RECORDED),
                store.payloads(g, CenterEvents.ACTIVITY_SCHEDULED), store.payloads(g, CenterEvents.SIGNED_UP),
                store.payloads(g, CenterEvents.ATTENDED), store.payloads(g, CenterEvents.WISH_POSTED),
                store.payloads(g, CenterEvents.WISH_CLAIMED), store.payloads(g, CenterEvents.WISH_FULFILLED),
                store.payloads(g, CenterEvents.WISH_EXPIRED), store.payloads(g, CenterEvents.VOLUNTEER_HOURS_LOGGED));
        return events;
    }

    public Collection<CoverageGaps.CenterPosition> centerPositions() {
        return CenterFigures.positions(store.payloads(generations.current().active(), CenterEvents.CENTER_REGISTERED));
    }

    public java.util.List<CoverageGaps.SamplePoint> samplePoints() {
        return samplePoints.all();
    }
}
