package org.onegrid.ticket.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onegrid.events.PersonalData;
import org.onegrid.ticket.domain.CategoryRule;
import org.onegrid.ticket.domain.Department;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.GridCell;
import org.onegrid.ticket.domain.WorkingDuration;

/**
 * Sanya's grid register as far as the public reports name it (the seeds): five districts, communities and villages
 * named there, the departments that take dispatched work, and the category catalogue with its deadlines. Centroids
 * are approximate; grid boundaries are illustrative squares around them until the survey data is imported.
 */
public final class SanyaReferenceData {

    private SanyaReferenceData() {
    }

    public static final List<GridStore.District> DISTRICTS = List.of(
            new GridStore.District("HT", "海棠区"),
            new GridStore.District("JY", "吉阳区"),
            new GridStore.District("TY", "天涯区"),
            new GridStore.District("YZ", "崖州区"),
            new GridStore.District("YC", "育才生态区"));

    /** A community with its approximate centre. */
    public record Place(GridStore.Community community, GeoPoint centre) {
    }

    public static final List<Place> COMMUNITIES = List.of(
            place("HT-LH", "龙海社区", "HT", "community", 18.3570, 109.7390),
            place("HT-BS", "北山村", "HT", "village", 18.3310, 109.7050),
            place("JY-DM", "大茅村", "JY", "village", 18.3350, 109.5830),
            place("JY-BH", "博后村", "JY", "village", 18.2840, 109.6370),
            place("TY-JJL", "金鸡岭社区", "TY", "community", 18.2600, 109.5030),
            place("TY-TL", "台楼村", "TY", "village", 18.3290, 109.4190),
            place("YZ-KJC", "崖州湾科技城社区", "YZ", "community", 18.3060, 109.1790),
            place("YZ-MX", "梅西村", "YZ", "village", 18.3720, 109.1200),
            place("YZ-NS", "南山村", "YZ", "village", 18.3010, 109.2100),
            place("YC-QF", "青法村", "YC", "village", 18.4480, 109.4260),
            place("YC-YL", "雅林村", "YC", "village", 18.4300, 109.4550));

    public static final List<Department> DEPARTMENTS = List.of(
            new Department("ZJ", "住建", "Housing and construction"),
            new Department("ZZ", "综治", "Comprehensive governance"),
            new Department("WJ", "卫健", "Health"),
            new Department("GA", "公安", "Public security"),
            new Department("SCJG", "市场监管", "Market regulation"),
            new Department("SDQ", "水电气", "Water, power and gas"),
            new Department("HW", "环卫", "Sanitation"),
            new Department("JT", "交通", "Transport"),
            new Department("MZ", "民政", "Civil affairs"),
            new Department("JY", "教育", "Education"));

    public static final List<CategoryRule> CATEGORIES = List.of(
            category("sanitation", "环境卫生", "Sanitation", "HW", "2h", "1d",
                    // 崖州区 promises same-day handling of rubbish complaints (承诺制).
                    Map.of("YZ", new CategoryRule.DistrictOverride(null, null, WorkingDuration.parse("4h")))),
            category("roads", "道路设施", "Roads and street furniture", "JT", "4h", "5d", Map.of()),
            category("noise", "噪声扰民", "Noise", "GA", "2h", "1d", Map.of()),
            category("utilities", "水电气", "Water, power and gas", "SDQ", "2h", "2d", Map.of()),
            category("public-order", "治安秩序", "Public order", "ZZ", "2h", "2d", Map.of()),
            category("illegal-construction", "违法建设", "Illegal construction", "ZJ", "4h", "10d", Map.of()),
            category("property-management", "物业管理", "Property management", "ZJ", "4h", "5d", Map.of()),
            category("livelihood-help", "民生救助", "Livelihood help", "MZ", "4h", "3d", Map.of()),
            category("market", "市场监管", "Food safety and consumer complaints", "SCJG", "4h", "5d", Map.of()),
            category("health", "卫生健康", "Health", "WJ", "4h", "3d", Map.of()),
            category("education", "教育", "Education", "JY", "4h", "5d", Map.of()),
            category("other", "其他", "Other", "ZZ", "4h", "5d", Map.of()));

    private static final String[] SURNAMES = {"王", "李", "陈", "黄", "林", "符", "吉", "张", "周", "邢"};
    private static final String[] GIVEN = {"海", "明", "丽", "军", "芳", "强", "燕", "华", "平", "敏"};

    /** Three grids per community, 01 to 03, as squares of about 600 m east of, at and west of its centre. */
    public static List<GridCell> grids() {
        List<GridCell> grids = new ArrayList<>();
        int n = 0;
        for (Place place : COMMUNITIES) {
            for (int i = 1; i <= 3; i++) {
                double lat = place.centre().lat();
                double lon = place.centre().lon() + (i - 2) * 0.006;
                double h = 0.003;
                List<double[]> ring = List.of(new double[]{lon - h, lat - h}, new double[]{lon + h, lat - h},
                        new double[]{lon + h, lat + h}, new double[]{lon - h, lat + h}, new double[]{lon - h, lat - h});
                String code = String.format("%s-%02d", place.community().code(), i);
                grids.add(new GridCell(code, place.community().name() + "第" + i + "网格",
                        place.community().districtCode(), place.community().code(), person(n++),
                        List.of(person(n++), person(n++)), new GeoPoint(lat, lon), ring));
            }
        }
        return grids;
    }

    private static GridCell.GridPerson person(int n) {
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length + n) % GIVEN.length];
        return new GridCell.GridPerson(name, PersonalData.maskPhone(String.format("1398%07d", 1000 + n * 37)));
    }

    private static Place place(String code, String name, String district, String kind, double lat, double lon) {
        return new Place(new GridStore.Community(code, name, district, kind), new GeoPoint(lat, lon));
    }

    private static CategoryRule category(String code, String zh, String en, String department, String firstResponse,
                                         String solution, Map<String, CategoryRule.DistrictOverride> overrides) {
        return new CategoryRule(code, zh, en, department, WorkingDuration.parse(firstResponse),
                WorkingDuration.parse(solution), overrides);
    }

    /** Upserts the reference data and Sanya's grid register: what the demo data and the tests start from. */
    public static List<GridCell> saveWithGrids(GridStore store) {
        saveReference(store);
        List<GridCell> cells = grids();
        cells.forEach(store::save);
        return cells;
    }

    /** Upserts districts, communities, departments and categories (the data every deployment needs). */
    public static void saveReference(GridStore store) {
        DISTRICTS.forEach(store::save);
        COMMUNITIES.forEach(p -> store.save(p.community()));
        DEPARTMENTS.forEach(store::save);
        CATEGORIES.forEach(store::save);
    }
}
