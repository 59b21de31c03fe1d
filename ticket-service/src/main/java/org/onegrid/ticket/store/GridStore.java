package org.onegrid.ticket.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.ticket.domain.CategoryRule;
import org.onegrid.ticket.domain.Department;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.GridCell;
import org.onegrid.ticket.domain.WorkingDuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Grid reference data in this service's own database: districts, communities, grids, departments and the category
 * catalogue with its deadline rules. Every write is an upsert on the natural code, so imports can be re-run.
 */
@Component
public class GridStore {

    /** A district (区) of Sanya. */
    public record District(String code, String name) {
    }

    /** A community (社区) or village (村) of a district. */
    public record Community(String code, String name, String districtCode, String kind) {
    }

    private final MongoCollection<Document> districts;
    private final MongoCollection<Document> communities;
    private final MongoCollection<Document> grids;
    private final MongoCollection<Document> departments;
    private final MongoCollection<Document> categories;
    private final ReferenceSnapshot<Reference> reference;

    /** What every new ticket is checked against, kept in memory (see {@link ReferenceSnapshot}). */
    private record Reference(Map<String, String> districts, Map<String, GridCell> grids,
                             Map<String, CategoryRule> categories, java.util.Set<String> departments) {
    }

    public GridStore(MongoDatabase database,
                     @Value("${onegrid.ticket.reference-data.max-age:10s}") Duration referenceMaxAge) {
        this.districts = database.getCollection("districts");
        this.communities = database.getCollection("communities");
        this.grids = database.getCollection("grids");
        this.departments = database.getCollection("departments");
        this.categories = database.getCollection("categories");
        communities.createIndex(Indexes.ascending("districtCode"));
        grids.createIndex(Indexes.ascending("districtCode", "communityCode"));
        this.reference = new ReferenceSnapshot<>(referenceMaxAge, this::loadReference);
    }

    private Reference loadReference() {
        Map<String, String> d = new LinkedHashMap<>();
        districts.find().sort(Sorts.ascending("_id")).forEach(doc -> d.put(doc.getString("_id"), doc.getString("name")));
        Map<String, GridCell> g = new LinkedHashMap<>();
        grids.find().forEach(doc -> g.put(doc.getString("_id"), grid(doc)));
        Map<String, CategoryRule> c = new LinkedHashMap<>();
        categories.find().sort(Sorts.ascending("_id")).forEach(doc -> c.put(doc.getString("_id"), category(doc)));
        java.util.Set<String> dep = new java.util.HashSet<>();
        departments.find().projection(new Document("_id", 1)).forEach(doc -> dep.add(doc.getString("_id")));
        // Insertion-ordered maps: categories() lists them by code, as it did from the database.
        return new Reference(Map.copyOf(d), java.util.Collections.unmodifiableMap(g),
                java.util.Collections.unmodifiableMap(c), java.util.Set.copyOf(dep));
    }

    // ---- writes ----

    public void save(District district) {
        districts.replaceOne(Filters.eq("_id", district.code()),
                new Document("_id", district.code()).append("name", district.name()), new ReplaceOptions().upsert(true));
        reference.invalidate();
    }

    public void save(Community community) {
        communities.replaceOne(Filters.eq("_id", community.code()), new Document("_id", community.code())
                .append("name", community.name()).append("districtCode", community.districtCode())
                .append("kind", community.kind()), new ReplaceOptions().upsert(true));
    }

    public void save(GridCell grid) {
        Document doc = new Document("_id", grid.code())
                .append("name", grid.name())
                .append("districtCode", grid.districtCode())
                .append("communityCode", grid.communityCode())
                .append("leader", grid.leader() == null ? null : person(grid.leader()))
                .append("workers", grid.workers().stream().map(GridStore::person).toList())
                .append("centroid", grid.centroid() == null ? null
                        : new Document("lat", grid.centroid().lat()).append("lon", grid.centroid().lon()))
                .append("polygon", grid.polygon().stream().map(p -> List.of(p[0], p[1])).toList());
        grids.replaceOne(Filters.eq("_id", grid.code()), doc, new ReplaceOptions().upsert(true));
        reference.invalidate();
    }

    public void save(Department department) {
        departments.replaceOne(Filters.eq("_id", department.code()), new Document("_id", department.code())
                .append("nameZh", department.nameZh()).append("nameEn", department.nameEn()),
                new ReplaceOptions().upsert(true));
        reference.invalidate();
    }

    public void save(CategoryRule rule) {
        Document overrides = new Document();
        rule.overrides().forEach((district, o) -> overrides.append(district, new Document()
                .append("departmentCode", o.departmentCode())
                .append("firstResponse", o.firstResponse() == null ? null : o.firstResponse().toString())
                .append("solution", o.solution() == null ? null : o.solution().toString())));
        categories.replaceOne(Filters.eq("_id", rule.code()), new Document("_id", rule.code())
                .append("nameZh", rule.nameZh()).append("nameEn", rule.nameEn())
                .append("departmentCode", rule.departmentCode())
                .append("firstResponse", rule.firstResponse().toString())
                .append("solution", rule.solution().toString())
                .append("overrides", overrides), new ReplaceOptions().upsert(true));
        reference.invalidate();
    }

    // ---- reads ----

    public List<District> districts() {
        return districts.find().sort(Sorts.ascending("_id")).map(d -> new District(d.getString("_id"),
                d.getString("name"))).into(new ArrayList<>());
    }

    public boolean districtExists(String code) {
        return code != null && reference.get().districts().containsKey(code);
    }

    public Page<Community> communities(String districtCode, int page, int size) {
        Bson filter = districtCode == null ? Filters.empty() : Filters.eq("districtCode", districtCode);
        List<Community> items = communities.find(filter).sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                .map(GridStore::community).into(new ArrayList<>());
        return new Page<>(items, page, size, communities.countDocuments(filter));
    }

    public Optional<Community> community(String code) {
        return Optional.ofNullable(communities.find(Filters.eq("_id", code)).first()).map(GridStore::community);
    }

    public Page<GridCell> grids(String districtCode, String communityCode, String text, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (districtCode != null) {
            filters.add(Filters.eq("districtCode", districtCode));
        }
        if (communityCode != null) {
            filters.add(Filters.eq("communityCode", communityCode));
        }
        if (text != null && !text.isBlank()) {
            Pattern p = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex("_id", p), Filters.regex("name", p)));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        List<GridCell> items = grids.find(filter).sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                .map(GridStore::grid).into(new ArrayList<>());
        return new Page<>(items, page, size, grids.countDocuments(filter));
    }

    public Optional<GridCell> grid(String code) {
        return Optional.ofNullable(code == null ? null : reference.get().grids().get(code));
    }

    /** All grids, for locating a point: a city has a few thousand at most, small enough to scan in memory. */
    public List<GridCell> allGrids() {
        return List.copyOf(reference.get().grids().values());
    }

    public List<Department> departments() {
        return departments.find().sort(Sorts.ascending("_id"))
                .map(d -> new Department(d.getString("_id"), d.getString("nameZh"), d.getString("nameEn")))
                .into(new ArrayList<>());
    }

    public boolean departmentExists(String code) {
        return code != null && reference.get().departments().contains(code);
    }

    public List<CategoryRule> categories() {
        return List.copyOf(reference.get().categories().values());
    }

    public Optional<CategoryRule> category(String code) {
        return Optional.ofNullable(code == null ? null : reference.get().categories().get(code));
    }

    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        counts.put("districts", districts.countDocuments());
        counts.put("communities", communities.countDocuments());
        counts.put("grids", grids.countDocuments());
        counts.put("departments", departments.countDocuments());
        counts.put("categories", categories.countDocuments());
        return counts;
    }

    // ---- mapping ----

    private static Document person(GridCell.GridPerson p) {
        return new Document("name", p.name()).append("maskedPhone", p.maskedPhone());
    }

    private static GridCell.GridPerson person(Document d) {
        return d == null ? null : new GridCell.GridPerson(d.getString("name"), d.getString("maskedPhone"));
    }

    private static Community community(Document d) {
        return new Community(d.getString("_id"), d.getString("name"), d.getString("districtCode"),
                d.getString("kind"));
    }

    @SuppressWarnings("unchecked")
    private static GridCell grid(Document d) {
        Document c = d.get("centroid", Document.class);
        List<double[]> polygon = new ArrayList<>();
        for (Object point : d.getList("polygon", Object.class, List.of())) {
            List<Number> xy = (List<Number>) point;
            polygon.add(new double[]{xy.get(0).doubleValue(), xy.get(1).doubleValue()});
        }
        return new GridCell(d.getString("_id"), d.getString("name"), d.getString("districtCode"),
                d.getString("communityCode"), person(d.get("leader", Document.class)),
                d.getList("workers", Document.class, List.of()).stream().map(GridStore::person).toList(),
                c == null ? null : new GeoPoint(c.get("lat", Number.class).doubleValue(),
                        c.get("lon", Number.class).doubleValue()), polygon);
    }

    private static CategoryRule category(Document d) {
        Map<String, CategoryRule.DistrictOverride> overrides = new HashMap<>();
        Document o = d.get("overrides", Document.class);
        if (o != null) {
            o.forEach((district, value) -> {
                Document v = (Document) value;
                overrides.put(district, new CategoryRule.DistrictOverride(v.getString("departmentCode"),
                        duration(v.getString("firstResponse")), duration(v.getString("solution"))));
            });
        }
        return new CategoryRule(d.getString("_id"), d.getString("nameZh"), d.getString("nameEn"),
                d.getString("departmentCode"), WorkingDuration.parse(d.getString("firstResponse")),
                WorkingDuration.parse(d.getString("solution")), overrides);
    }

    private static WorkingDuration duration(String text) {
        return text == null ? null : WorkingDuration.parse(text);
    }
}
