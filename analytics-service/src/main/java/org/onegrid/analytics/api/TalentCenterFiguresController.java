package org.onegrid.analytics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import org.onegrid.analytics.domain.CenterFigures;
import org.onegrid.analytics.domain.CoverageGaps;
import org.onegrid.analytics.domain.TalentFigures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Talent figures (incl. the 候鸟 tide), centre figures and the map of centres, their 15-minute circles and gaps. */
@RestController
@RequestMapping({"/analytics", "/api/analytics"})
class TalentCenterFiguresController {

    private final ActivityFigureQueries queries;
    private final TicketFigureQueries tickets;

    TalentCenterFiguresController(ActivityFigureQueries queries, TicketFigureQueries tickets) {
        this.queries = queries;
        this.tickets = tickets;
    }

    @Operation(summary = "Talent by category and class, certified per month, the 候鸟 tide (present per month by "
            + "expertise area; a stay counts in every month it overlaps; October–May is the peak season), needs "
            + "posted vs matched vs completed (needs posted in the range), liaison service requests overdue")
    @GetMapping("/talent/figures")
    TalentFigures talent(@ModelAttribute ActivityFiguresParams params) {
        return queries.talent(params.scope());
    }

    @Operation(summary = "Centre visits, activities and participants, micro-wish fulfilment rate (fulfilled ÷ posted, "
            + "percent, of the wishes posted in the range) and mean hours to claim, volunteer hours, and the "
            + "15-minute coverage gaps: sample points (the communities of Sanya's reference data, shipped as "
            + "sample-points.csv, not grid centroids) with no centre within a 15-minute walk (great-circle × 1.3 "
            + "detour at 5 km/h, as service-center-service computes it)")
    @GetMapping("/centers/figures")
    CenterFigures centers(@ModelAttribute ActivityFiguresParams params) {
        return queries.centers(params.scope());
    }

    record CenterPoint(String centerId, String name, String level, String district, double lat, double lon) {
    }

    record GapPoint(String code, String name, String district, double lat, double lon, String nearestCenterId,
                    java.math.BigDecimal nearestMinutes) {
    }

    /** Tickets carry no coordinates: their count is shown at the district's reference point (its sample points' mean). */
    record DistrictPoint(String district, double lat, double lon, long openTickets) {
    }

    record MapView(double reachMetres, List<CenterPoint> centers, List<GapPoint> gaps,
                   List<DistrictPoint> districts) {
    }

    @Operation(summary = "The map: centres (from center-registered events), the straight-line radius of their "
            + "15-minute walk, coverage gaps and open tickets per district at the district's reference point")
    @GetMapping("/centers/map")
    MapView map() {
        var centers = queries.centerPositions();
        List<CoverageGaps.SamplePoint> points = queries.samplePoints();
        List<GapPoint> gaps = CoverageGaps.gaps(points, centers).stream().map(g -> new GapPoint(g.point().code(),
                g.point().name(), g.point().district(), g.point().lat(), g.point().lon(), g.nearestCenterId(),
                g.nearestMinutes())).toList();
        Map<String, double[]> sums = new TreeMap<>();
        for (var p : points) {
            double[] s = sums.computeIfAbsent(p.district(), d -> new double[3]);
            s[0] += p.lat();
            s[1] += p.lon();
            s[2]++;
        }
        Map<String, Long> open = tickets.openByDistrict();
        List<DistrictPoint> districts = new ArrayList<>();
        sums.forEach((d, s) -> districts.add(new DistrictPoint(d, round(s[0] / s[2]), round(s[1] / s[2]),
                open.getOrDefault(d, 0L))));
        return new MapView(Math.round(CoverageGaps.reachMetres() * 10) / 10.0, centers.stream()
                .map(c -> new CenterPoint(c.centerId(), c.name(), c.level(), c.district(), c.lat(), c.lon())).toList(),
                gaps, districts);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10000) / 10000.0;
    }
}
