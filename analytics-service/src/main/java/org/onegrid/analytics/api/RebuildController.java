package org.onegrid.analytics.api;

import java.util.Map;

import org.onegrid.analytics.events.ViewRebuilder;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.CallerIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild every view from the topics, and follow its progress. */
@RestController
@RequestMapping({"/analytics/admin/rebuild", "/api/analytics/admin/rebuild"})
class RebuildController {

    private final ViewRebuilder rebuilder;

    RebuildController(ViewRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> start() {
        // The gateway lets analysts, dispatchers and handlers into /api/analytics; a rebuild is an admin's act.
        CallerIdentity.current().requireRole("admin");
        ViewRebuilder.Progress started = rebuilder.start();
        if (started == null) {
            throw ApiException.conflict("A rebuild is already running", Map.of("progress", rebuilder.progress()));
        }
        return view(started);
    }

    @GetMapping
    Map<String, Object> progress() {
        return view(rebuilder.progress());
    }

    private static Map<String, Object> view(ViewRebuilder.Progress p) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("id", p.id());
        map.put("state", p.state());
        map.put("generation", p.generation());
        map.put("processed", p.processed());
        map.put("total", p.total());
        map.put("percent", p.percent());
        map.put("invalid", p.invalid());
        map.put("startedAt", p.startedAt());
        map.put("finishedAt", p.finishedAt());
        map.put("error", p.error());
        return map;
    }
}
