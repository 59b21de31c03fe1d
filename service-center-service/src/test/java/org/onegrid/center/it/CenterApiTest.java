package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.center.CenterEvents;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CenterApiTest extends CenterIntegrationTest {

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void onlyTheseCentres() {
        // The circle considers every centre in the database: start each test from none.
        database.getCollection("centers").drop();
    }

    private void createFourSanyaCentres() {
        Map<String, Object> always = Map.of("allDay", true);
        Map<String, Object> never = Map.of("allDay", false);
        for (var body : List.of(
                centerBody("TY-SANYAWAN", "三亚湾党群服务中心", 18.2836, 109.4670, always, List.of("AED", "FIRST_AID_KIT")),
                centerBody("WX-SANYAWAN", "鹿城暖\"新\"驿站（三亚湾）", 18.2760, 109.4740, never, List.of("CHARGING")),
                centerBody("TY-FENGHUANG-POLICE", "凤凰派出所党群服务中心", 18.2905, 109.4860, never, List.of("AED")),
                centerBody("SY-CITY", "三亚市党群服务中心", 18.2601, 109.5152, never, List.of("AED")))) {
            assertThat(post("/centers", body).status()).isEqualTo(201);
        }
    }

    @Test
    void nearbyOnFootFindsTheCentresWithinFifteenMinutesWithHandComputedDistances() {
        createFourSanyaCentres();
        Response r = get("/centers/nearby?lat=18.2800&lon=109.4700&minutes=15&mode=walk");
        assertThat(r.status()).isEqualTo(200);
        JsonNode centers = r.body().get("centers");
        assertThat(ids(centers)).containsExactly("TY-SANYAWAN", "WX-SANYAWAN");
        // haversine 510.5 m and 613.4 m; × 1.3 at 5 km/h = 7.96 and 9.57 min
        assertThat(centers.get(0).get("distanceMetres").asDouble()).isCloseTo(510.5, within(1.0));
        assertThat(centers.get(0).get("etaMinutes").asDouble()).isEqualTo(8.0);
        assertThat(centers.get(0).get("openNow").asBoolean()).isTrue();
        assertThat(centers.get(1).get("distanceMetres").asDouble()).isCloseTo(613.4, within(1.0));
        assertThat(centers.get(1).get("etaMinutes").asDouble()).isEqualTo(9.6);
        assertThat(centers.get(1).get("openNow").asBoolean()).isFalse();
        assertThat(r.body().get("reachMetres").asLong()).isEqualTo(962);
        assertThat(r.body().get("detourFactor").asDouble()).isEqualTo(1.3);
    }

    @Test
    void nearbyRidingWithAFacilityFilter() {
        createFourSanyaCentres();
        Response r = get("/centers/nearby?lat=18.2800&lon=109.4700&minutes=15&mode=ride&facility=AED");
        JsonNode centers = r.body().get("centers");
        // 凤凰派出所 2 053.5 m → 10.7 min riding; the city centre (27.4 min) is out; the station has no AED
        assertThat(ids(centers)).containsExactly("TY-SANYAWAN", "TY-FENGHUANG-POLICE");
        assertThat(centers.get(1).get("distanceMetres").asDouble()).isCloseTo(2053.5, within(1.0));
        assertThat(centers.get(1).get("etaMinutes").asDouble()).isEqualTo(10.7);
        assertThat(centers.get(1).get("facilities").toString()).contains("AED");
    }

    @Test
    void openNowHonoursAClosureTodayEvenForARoundTheClockCentre() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> closedToday = Map.of("allDay", true,
                "exceptions", List.of(Map.of("date", today, "reason", "设备检修")));
        assertThat(post("/centers", centerBody("CLOSED-TODAY", "检修中的驿站", 18.2800, 109.4701, closedToday,
                List.of())).status()).isEqualTo(201);
        assertThat(post("/centers", centerBody("OPEN-24H", "24小时驿站", 18.2801, 109.4700,
                Map.of("allDay", true), List.of())).status()).isEqualTo(201);

        assertThat(get("/centers/CLOSED-TODAY").body().get("openNow").asBoolean()).isFalse();
        assertThat(get("/centers/OPEN-24H").body().get("openNow").asBoolean()).isTrue();
        JsonNode centers = get("/centers/nearby?lat=18.2800&lon=109.4700").body().get("centers");
        assertThat(ids(centers)).containsExactlyInAnyOrder("CLOSED-TODAY", "OPEN-24H");
        for (JsonNode c : centers) {
            assertThat(c.get("openNow").asBoolean()).isEqualTo(c.get("id").asString().equals("OPEN-24H"));
        }
    }

    @Test
    void coverageListsThePointsOutsideEveryCircleByDistrictAndCommunity() {
        createFourSanyaCentres();
        var points = List.of(
                Map.of("id", "g-haiyue", "lat", 18.2800, "lon", 109.4700, "district", "TY", "community", "SANYAWAN"),
                Map.of("id", "g-city", "lat", 18.2620, "lon", 109.5140, "district", "JY", "community", "FENGXINGLONG"),
                Map.of("id", "g-damao-1", "lat", 18.3400, "lon", 109.5600, "district", "JY", "community", "DAMAO"),
                Map.of("id", "g-damao-2", "lat", 18.3450, "lon", 109.5650, "district", "JY", "community", "DAMAO"),
                Map.of("id", "g-fenghuang", "lat", 18.2950, "lon", 109.4760, "district", "TY", "community", "FENGHUANG"));
        Response r = post("/centers/coverage", Map.of("points", points));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("checked").asInt()).isEqualTo(5);
        assertThat(r.body().get("uncovered").asInt()).isEqualTo(3);
        JsonNode gaps = r.body().get("gaps");
        assertThat(gaps.get(0).get("district").asString()).isEqualTo("JY");
        assertThat(gaps.get(0).get("communities").get(0).get("community").asString()).isEqualTo("DAMAO");
        assertThat(gaps.get(0).get("communities").get(0).get("uncovered").asInt()).isEqualTo(2);
        JsonNode fenghuang = gaps.get(1).get("communities").get(0).get("points").get(0);
        assertThat(fenghuang.get("id").asString()).isEqualTo("g-fenghuang");
        // nearest is 凤凰派出所 at 1 168 m: 18.2 min on foot
        assertThat(fenghuang.get("nearestCenterId").asString()).isEqualTo("TY-FENGHUANG-POLICE");
        assertThat(fenghuang.get("nearestDistanceMetres").asDouble()).isCloseTo(1168, within(1.0));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Response lat = get("/centers/nearby?lat=100&lon=109.47");
        assertThat(lat.status()).isEqualTo(400);
        assertThat(lat.contentType()).startsWith("application/problem+json");
        assertThat(lat.body().get("errors").get(0).get("field").asString()).isEqualTo("lat");

        Response mode = get("/centers/nearby?lat=18.28&lon=109.47&mode=fly");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.body().get("errors").get(0).get("field").asString()).isEqualTo("mode");

        Response facility = get("/centers/nearby?lat=18.28&lon=109.47&facility=JACUZZI");
        assertThat(facility.status()).isEqualTo(400);

        Map<String, Object> backwards = Map.of("allDay", false, "weekly",
                List.of(Map.of("day", "MONDAY", "opens", "18:00", "closes", "09:00")));
        Response hours = post("/centers", centerBody("BAD-HOURS", "x", 18.28, 109.47, backwards, List.of()));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.body().get("errors").get(0).get("field").asString()).isEqualTo("hours");

        Response noLocation = post("/centers", Map.of("id", "NO-LOC", "name", "x", "level", "STATION",
                "districtCode", "TY"));
        assertThat(noLocation.status()).isEqualTo(400);
        assertThat(noLocation.body().get("errors").get(0).get("field").asString()).isEqualTo("location");

        assertThat(get("/centers?size=500").status()).isEqualTo(400);
        assertThat(get("/centers/NOPE").status()).isEqualTo(404);
    }

    @Test
    void replacingACentreNeedsTheCurrentVersionAndListsFilter() {
        createFourSanyaCentres();
        Response duplicate = post("/centers", centerBody("SY-CITY", "again", 18.26, 109.51, Map.of(), List.of()));
        assertThat(duplicate.status()).as("%s", duplicate.body()).isEqualTo(409);

        Map<String, Object> body = new java.util.HashMap<>(centerBody("SY-CITY", "三亚市党群服务中心", 18.2601, 109.5152,
                Map.of("allDay", false, "weekly", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00"))),
                List.of("AED", "LIBRARY")));
        body.put("serviceItems", List.of("LEGAL_AID.CONSULTATION"));
        body.put("contact", Map.of("phone", "0898-88881234"));
        body.put("staff", List.of(Map.of("name", "王小明", "role", "站长")));
        body.put("version", 1);
        Response replaced = put("/centers/SY-CITY", body);
        assertThat(replaced.status()).as("%s", replaced.body()).isEqualTo(200);
        assertThat(replaced.body().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.body().get("serviceItems").get(0).get("name").asString()).isEqualTo("法律咨询");
        assertThat(replaced.body().get("location").get("coordinates").get(0).asDouble()).isEqualTo(109.5152);

        // Creating and replacing a centre each publish center-registered (through the centre's outbox), no contacts.
        var replacedEvents = centerEvents("SY-CITY", e -> e.type().equals(CenterEvents.CENTER_REGISTERED.type())
                && EventCodec.payload(e, CenterEvents.CENTER_REGISTERED).facilities().contains("LIBRARY"), 1);
        assertThat(replacedEvents).singleElement().satisfies(e -> {
            var payload = EventCodec.payload(e, CenterEvents.CENTER_REGISTERED);
            assertThat(payload.openingHours()).isEqualTo("MON 08:00-12:00");
            assertThat(payload.level()).isEqualTo("COMMUNITY");
            assertThat(payload.lat()).isEqualTo(18.2601);
            assertThat(e.data().toString()).doesNotContain("88881234").doesNotContain("王小明");
        });

        Response stale = put("/centers/SY-CITY", body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(2);

        body.put("version", 2);
        body.put("serviceItems", List.of("NOT.AN.ITEM"));
        assertThat(put("/centers/SY-CITY", body).status()).isEqualTo(400);

        Response library = get("/centers?facility=LIBRARY&size=10");
        assertThat(ids(library.body().get("items"))).containsExactly("SY-CITY");
        Response page = get("/centers?district=TY&size=2&page=1");
        assertThat(page.body().get("total").asLong()).isEqualTo(4);
        assertThat(page.body().get("items")).hasSize(2);
    }

    @Test
    void theOpenApiDocumentExplainsTheTravelModel() {
        Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().toString()).contains("detour factor").contains("haversine");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }
}
