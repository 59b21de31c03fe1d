package org.onegrid.ticket.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.onegrid.platform.service.ApiException;
import org.onegrid.ticket.domain.CategoryRule;
import org.onegrid.ticket.domain.Department;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.GridCell;
import org.onegrid.ticket.domain.GridLocator;
import org.onegrid.ticket.domain.WorkingDuration;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The grid register: districts, communities, grids, departments and the category catalogue. */
@RestController
@RequestMapping("/grid")
public class GridController {

    public record GridView(String code, String name, String districtCode, String communityCode,
                           GridCell.GridPerson leader, List<GridCell.GridPerson> workers, Double lat, Double lon,
                           boolean hasBoundary) {
        static GridView of(GridCell g) {
            return new GridView(g.code(), g.name(), g.districtCode(), g.communityCode(), g.leader(), g.workers(),
                    g.centroid() == null ? null : g.centroid().lat(), g.centroid() == null ? null : g.centroid().lon(),
                    g.polygon().size() >= 4);
        }
    }

    public record CategoryView(String code, String nameZh, String nameEn, String departmentCode,
                               String firstResponse, String solution, Map<String, OverrideBody> overrides) {
        static CategoryView of(CategoryRule r, Map<String, CategoryRule.DistrictOverride> overrides) {
            Map<String, OverrideBody> views = new java.util.TreeMap<>();
            overrides.forEach((district, o) -> views.put(district, new OverrideBody(o.departmentCode(),
                    o.firstResponse() == null ? null : o.firstResponse().toString(),
                    o.solution() == null ? null : o.solution().toString())));
            return new CategoryView(r.code(), r.nameZh(), r.nameEn(), r.departmentCode(), r.firstResponse().toString(),
                    r.solution().toString(), views);
        }
    }

    public record LocateView(GridView grid, String method, double distanceMetres) {
    }

    public record ImportResult(int imported, List<GridImport.Problem> problems) {
    }

    /** A district's own department or deadlines for a category; omitted fields keep the city-wide value. */
    public record OverrideBody(@Size(max = 16) String departmentCode,
                               @Pattern(regexp = DURATION) String firstResponse,
                               @Pattern(regexp = DURATION) String solution) {
    }

    /** A category rule as data: default department and deadlines in working hours (h) or days (d). */
    public record CategoryBody(@NotBlank @Size(max = 32) String nameZh, @Size(max = 64) String nameEn,
                               @NotBlank @Size(max = 16) String departmentCode,
                               @NotBlank @Pattern(regexp = DURATION) String firstResponse,
                               @NotBlank @Pattern(regexp = DURATION) String solution,
                               Map<String, @Valid OverrideBody> overrides) {
    }

    static final String DURATION = "\\d{1,4}[hd]";

    private final GridStore store;
    private final GridLocator locator;

    public GridController(GridStore store, GridLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    @GetMapping("/districts")
    public List<GridStore.District> districts() {
        return store.districts();
    }

    @GetMapping("/communities")
    public Page<GridStore.Community> communities(@RequestParam(required = false) String district,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        return store.communities(district, page, size);
    }

    @GetMapping("/grids")
    public Page<GridView> grids(@RequestParam(required = false) String district,
                                @RequestParam(required = false) String community,
                                @RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        return store.grids(district, community, q, page, size).map(GridView::of);
    }

    @GetMapping("/grids/{code}")
    public GridView grid(@PathVariable String code) {
        return store.grid(code).map(GridView::of).orElseThrow(() -> ApiException.notFound("grid", code));
    }

    /** Upserts grids from GeoJSON; features that cannot be read are listed and skipped, the rest imported. */
    @PostMapping("/grids/import")
    public ResponseEntity<ImportResult> importGrids(@RequestBody JsonNode featureCollection,
                                                    @RequestHeader(CallerHeaders.ROLE) String role) {
        if (!"admin".equals(role)) {
            throw ApiException.forbidden("only an admin may import grids");
        }
        GridImport.Parsed parsed = GridImport.parse(featureCollection);
        if (parsed.grids().isEmpty() && !parsed.problems().isEmpty()) {
            GridImport.Problem first = parsed.problems().get(0);
            throw ApiException.badRequest(first.index() < 0 ? first.field()
                    : "features[" + first.index() + "]." + first.field(), first.message());
        }
        int imported = 0;
        List<GridImport.Problem> problems = new java.util.ArrayList<>(parsed.problems());
        int index = 0;
        for (GridCell grid : parsed.grids()) {
            if (!store.districtExists(grid.districtCode())) {
                problems.add(new GridImport.Problem(index, "properties.districtCode",
                        "no district " + grid.districtCode()));
            } else if (store.community(grid.communityCode()).filter(c -> c.districtCode().equals(grid.districtCode()))
                    .isEmpty()) {
                problems.add(new GridImport.Problem(index, "properties.communityCode",
                        "no community " + grid.communityCode() + " in district " + grid.districtCode()));
            } else {
                store.save(grid);
                imported++;
            }
            index++;
        }
        return ResponseEntity.status(imported > 0 ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(new ImportResult(imported, problems));
    }

    /** The grid of a point (inside its boundary, else nearest centroid) or of a grid code. */
    @GetMapping("/locate")
    public LocateView locate(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                             @RequestParam(required = false) String gridCode) {
        if (gridCode != null) {
            GridCell grid = store.grid(gridCode).orElseThrow(() -> ApiException.notFound("grid", gridCode));
            return new LocateView(GridView.of(grid), "CODE", 0);
        }
        if (lat == null || lon == null) {
            throw ApiException.badRequest(lat == null ? "lat" : "lon", "give lat and lon, or gridCode");
        }
        GeoPoint point;
        try {
            point = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("lat", e.getMessage());
        }
        return locator.locate(point, store.allGrids())
                .map(l -> new LocateView(GridView.of(l.grid()), l.method().name(),
                        Math.round(l.distanceMetres() * 10) / 10.0))
                .orElseThrow(() -> ApiException.notFound("grid", "near " + lat + "," + lon));
    }

    /** Creates or changes a category rule (admin). New tickets use it; existing deadlines stay as computed. */
    @PutMapping("/categories/{code}")
    public CategoryView putCategory(@PathVariable String code,
                                    @Valid @RequestBody CategoryBody body,
                                    @RequestHeader(CallerHeaders.ROLE) String role) {
        if (!"admin".equals(role)) {
            throw ApiException.forbidden("only an admin may change category rules");
        }
        if (!code.matches("[a-z][a-z-]{1,31}")) {
            throw ApiException.badRequest("code", "category codes are lower-case words joined by '-'");
        }
        checkDepartment(body.departmentCode(), "departmentCode");
        Map<String, CategoryRule.DistrictOverride> overrides = new java.util.HashMap<>();
        if (body.overrides() != null) {
            body.overrides().forEach((district, o) -> {
                if (!store.districtExists(district)) {
                    throw ApiException.badRequest("overrides." + district, "no district with code " + district);
                }
                if (o.departmentCode() != null) {
                    checkDepartment(o.departmentCode(), "overrides." + district + ".departmentCode");
                }
                overrides.put(district, new CategoryRule.DistrictOverride(o.departmentCode(),
                        o.firstResponse() == null ? null : WorkingDuration.parse(o.firstResponse()),
                        o.solution() == null ? null : WorkingDuration.parse(o.solution())));
            });
        }
        CategoryRule rule = new CategoryRule(code, body.nameZh(), body.nameEn(), body.departmentCode(),
                WorkingDuration.parse(body.firstResponse()), WorkingDuration.parse(body.solution()), overrides);
        store.save(rule);
        return CategoryView.of(rule, rule.overrides());
    }

    private void checkDepartment(String code, String field) {
        if (!store.departmentExists(code)) {
            throw ApiException.badRequest(field, "no department with code " + code);
        }
    }

    @GetMapping("/departments")
    public List<Department> departments() {
        return store.departments();
    }

    @GetMapping("/categories")
    public List<CategoryView> categories(@RequestParam(required = false) String district) {
        return store.categories().stream().map(c -> {
            CategoryRule r = district == null ? c : c.forDistrict(district);
            return CategoryView.of(r, district == null ? c.overrides() : Map.of());
        }).toList();
    }

    private static void checkPaging(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiException.badRequest("size", "must be between 1 and 200");
        }
    }
}
