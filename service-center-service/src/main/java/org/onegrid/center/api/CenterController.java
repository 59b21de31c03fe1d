package org.onegrid.center.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.onegrid.center.api.CenterDtos.CenterRequest;
import org.onegrid.center.api.CenterDtos.CenterView;
import org.onegrid.center.domain.Center;
import org.onegrid.center.domain.CenterLevel;
import org.onegrid.center.domain.Facility;
import org.onegrid.center.domain.GeoPoint;
import org.onegrid.center.domain.Reach;
import org.onegrid.center.domain.ServiceCatalogue;
import org.onegrid.center.domain.ServiceCircle;
import org.onegrid.center.domain.TravelMode;
import org.onegrid.center.domain.TravelModel;
import org.onegrid.center.store.ActivityStore;
import org.onegrid.center.store.CenterStore;
import org.onegrid.center.store.VisitStore;
import org.onegrid.platform.service.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/centers")
class CenterController {

    private static final String CIRCLE_DOC = "Travel time is estimated, not routed: the great-circle (haversine) "
            + "distance times a detour factor (default 1.3, onegrid.center.circle.detour-factor), at 5 km/h walking "
            + "(onegrid.center.circle.walk-kmh) or 15 km/h riding (onegrid.center.circle.ride-kmh). ";

    private final CenterStore centers;
    private final ActivityStore activities;
    private final VisitStore visits;
    private final ServiceCircle circle;
    private final TravelModel travel;
    private final Clock clock;

    CenterController(CenterStore centers, ActivityStore activities, VisitStore visits, ServiceCircle circle,
                     TravelModel travel, Clock clock) {
        this.centers = centers;
        this.activities = activities;
        this.visits = visits;
        this.circle = circle;
        this.travel = travel;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CenterView create(@Valid @RequestBody CenterRequest request) {
        requireParent(request.parentId(), request.id());
        Document doc = CenterDtos.toDocument(request.id(), request);
        centers.insert(doc, clock.instant());
        return CenterDtos.view(require(request.id()), clock.instant());
    }

    @PutMapping("/{id}")
    @Operation(description = "Replaces the centre; `version` must be the version last read (409 otherwise).")
    CenterView replace(@PathVariable String id, @Valid @RequestBody CenterRequest request) {
        if (request.version() == null) {
            throw ApiException.badRequest("version", "is required to replace a centre");
        }
        Document current = require(id);
        requireParent(request.parentId(), id);
        if (!centers.replace(id, request.version(), CenterDtos.toDocument(id, request), clock.instant())) {
            throw ApiException.conflict("centre was changed by someone else",
                    Map.of("currentVersion", require(id).get("version"), "state", "VERSION_CHANGED"));
        }
        return CenterDtos.view(require(id), clock.instant());
    }

    @GetMapping("/{id}")
    CenterView get(@PathVariable String id) {
        return CenterDtos.view(require(id), clock.instant());
    }

    @GetMapping
    Pages<CenterView> list(@RequestParam(required = false) CenterLevel level,
                           @RequestParam(required = false) String district,
                           @RequestParam(required = false) String community,
                           @RequestParam(required = false) Facility facility,
                           @RequestParam(required = false) String parentId,
                           @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        var filter = new CenterStore.Filter(level, district, community, facility, q, parentId);
        var now = clock.instant();
        return Pages.of(centers.list(filter, page, size), d -> CenterDtos.view(d, now));
    }

    @GetMapping("/service-items")
    @Operation(description = "The catalogue of major and minor service items a centre can list.")
    List<ServiceCatalogue.MajorItem> serviceItems() {
        return ServiceCatalogue.MAJOR_ITEMS;
    }

    public record Stats(String centerId, long activities, long attended, long visitors,
                        Map<String, Long> visitorsByPurpose, long partyMembersReported, long servedCount) {
    }

    @GetMapping("/{id}/stats")
    @Operation(description = "servedCount = activity check-ins + walk-in visitors.")
    Stats stats(@PathVariable String id) {
        require(id);
        long attended = activities.attendedAt(id);
        Map<String, Long> byPurpose = visits.visitorsByPurpose(id);
        long visitors = byPurpose.values().stream().mapToLong(Long::longValue).sum();
        return new Stats(id, activities.countAt(id), attended, visitors, byPurpose, visits.partyMembersCount(id),
                attended + visitors);
    }

    // --- the 15-minute circle ---

    public record NearbyCenter(String id, String name, CenterLevel level, String districtCode, String communityCode,
                               String address, double lat, double lon, long distanceMetres, double etaMinutes,
                               boolean openNow, Set<Facility> facilities) {
    }

    public record Nearby(double lat, double lon, double minutes, String mode, double speedKmh, double detourFactor,
                         long reachMetres, List<NearbyCenter> centers) {
    }

    @GetMapping("/nearby")
    @Operation(summary = "Centres within reach (the 15-minute service circle), nearest first",
            description = CIRCLE_DOC + "`facility` (repeatable) keeps only centres offering all of them; "
                    + "`openNow` uses the opening hours and their exceptions in Asia/Shanghai.")
    Nearby nearby(@RequestParam @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                  @RequestParam @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                  @RequestParam(defaultValue = "15") @DecimalMin("1") @DecimalMax("120") Double minutes,
                  @RequestParam(defaultValue = "walk") String mode,
                  @RequestParam(required = false) List<Facility> facility) {
        TravelMode travelMode = mode(mode);
        Set<Facility> wanted = facility == null || facility.isEmpty() ? Set.of() : EnumSet.copyOf(facility);
        List<Reach> reach = circle.nearby(centers.allForCircle(), new GeoPoint(lat, lon), minutes, travelMode, wanted,
                clock.instant());
        Map<String, String> addresses = centers.addresses(reach.stream().map(r -> r.center().id()).toList());
        List<NearbyCenter> result = new ArrayList<>();
        for (Reach r : reach) {
            Center c = r.center();
            result.add(new NearbyCenter(c.id(), c.name(), c.level(), c.districtCode(), c.communityCode(),
                    addresses.get(c.id()), c.location().lat(), c.location().lon(), Math.round(r.distanceMetres()),
                    Math.round(r.etaMinutes() * 10) / 10.0, r.openNow(), new java.util.TreeSet<>(c.facilities())));
        }
        return new Nearby(lat, lon, minutes, travelMode.name().toLowerCase(Locale.ROOT), travel.speedKmh(travelMode),
                travel.detourFactor(), Math.round(travel.reachMetres(minutes, travelMode)), result);
    }

    public record CoveragePoint(@NotBlank @Size(max = 64) String id,
                                @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                                @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                                @Size(max = 40) String district, @Size(max = 40) String community) {
    }

    public record CoverageRequest(@DecimalMin("1") @DecimalMax("120") Double minutes, String mode,
                                  @NotEmpty @Size(max = 10_000) List<@Valid @NotNull CoveragePoint> points) {
    }

    public record GapPoint(String id, double lat, double lon, String nearestCenterId, Long nearestDistanceMetres,
                           Double nearestEtaMinutes) {
    }

    public record CommunityGaps(String community, int uncovered, List<GapPoint> points) {
    }

    public record DistrictGaps(String district, int uncovered, List<CommunityGaps> communities) {
    }

    public record Coverage(double minutes, String mode, int checked, int covered, int uncovered,
                           List<DistrictGaps> gaps) {
    }

    @PostMapping("/coverage")
    @Operation(summary = "Points outside every centre's circle, grouped by district and community",
            description = CIRCLE_DOC + "Defaults: 15 minutes, walking.")
    Coverage coverage(@Valid @RequestBody CoverageRequest request) {
        double minutes = request.minutes() == null ? 15 : request.minutes();
        TravelMode travelMode = mode(request.mode() == null ? "walk" : request.mode());
        List<ServiceCircle.Place> places = request.points().stream().map(p -> new ServiceCircle.Place(p.id(),
                new GeoPoint(p.lat(), p.lon()), p.district(), p.community())).toList();
        List<ServiceCircle.Gap> gaps = circle.gaps(centers.allForCircle(), places, minutes, travelMode);
        List<DistrictGaps> districts = new ArrayList<>();
        ServiceCircle.byDistrictAndCommunity(gaps).forEach((district, communities) -> {
            List<CommunityGaps> list = new ArrayList<>();
            communities.forEach((community, points) -> list.add(new CommunityGaps(community, points.size(),
                    points.stream().map(CenterController::gapPoint).toList())));
            districts.add(new DistrictGaps(district, list.stream().mapToInt(CommunityGaps::uncovered).sum(), list));
        });
        return new Coverage(minutes, travelMode.name().toLowerCase(Locale.ROOT), places.size(),
                places.size() - gaps.size(), gaps.size(), districts);
    }

    private static GapPoint gapPoint(ServiceCircle.Gap g) {
        boolean none = g.nearestCenterId() == null;
        return new GapPoint(g.place().id(), g.place().location().lat(), g.place().location().lon(),
                g.nearestCenterId(), none ? null : Math.round(g.nearestDistanceMetres()),
                none ? null : Math.round(g.nearestEtaMinutes() * 10) / 10.0);
    }

    private static TravelMode mode(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "walk" -> TravelMode.WALK;
            case "ride" -> TravelMode.RIDE;
            default -> throw ApiException.badRequest("mode", "must be walk or ride");
        };
    }

    private void requireParent(String parentId, String id) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(id)) {
            throw ApiException.badRequest("parentId", "a centre cannot be its own parent");
        }
        if (centers.find(parentId).isEmpty()) {
            throw ApiException.badRequest("parentId", "no centre with id " + parentId);
        }
    }

    private Document require(String id) {
        return centers.find(id).orElseThrow(() -> ApiException.notFound("centre", id));
    }
}
