package org.onegrid.analytics.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Talent and centre activity: event counts (and summed hours) per event type, district and month. */
@RestController
@RequestMapping({"/analytics/activity", "/api/analytics/activity"})
class ActivityFiguresController {

    enum Area {
        TALENT("onegrid.talent."), CENTER("onegrid.center.");

        final String prefix;

        Area(String prefix) {
            this.prefix = prefix;
        }
    }

    private final ActivityEventStore store;
    private final ViewGenerations generations;

    ActivityFiguresController(ActivityEventStore store, ViewGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    @Operation(summary = "Counts of talent or centre events per type, district and month (Sanya time)")
    @GetMapping("/counts")
    List<ActivityEventStore.Count> counts(@RequestParam Area area, @RequestParam(required = false) String district) {
        return store.counts(generations.current().active(), area.prefix, district);
    }
}
