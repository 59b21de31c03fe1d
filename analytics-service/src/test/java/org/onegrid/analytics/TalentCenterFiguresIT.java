package org.onegrid.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.analytics.AnalyticsTestSupport.await;
import static org.onegrid.analytics.AnalyticsTestSupport.get;
import static org.onegrid.analytics.AnalyticsTestSupport.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.talent.TalentEvents;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Known talent and centre events, published through the real broker partly out of order (endings before starts,
 * claims before postings, a centre's newer position before its older one), give exact figures: the 候鸟 tide per
 * month, wish fulfilment and time to claim, visits, volunteer hours and the 15-minute coverage gaps. A rebuild gives
 * the same figures back. The fixture lives in 2031, so the ticket tests' events in the same database do not count.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mongodb.database=it-analytics", "onegrid.analytics.metrics-refresh=500ms"})
class TalentCenterFiguresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RANGE = "from=2031-01-01&to=2031-06-30";
    private static final Instant MARCH = Instant.parse("2031-03-01T00:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    ViewGenerations generations;
    @Autowired
    ActivityEventStore activityStore;

    @Test
    void exactTalentAndCentreFiguresFromOutOfOrderEventsAndTheSameAfterARebuild() throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        // 候鸟 stays in 育才 (YC): s1's ending arrives before its start; s3 began in December 2030.
        events.add(talent(TalentEvents.STAY_ENDED, "t1", new TalentEvents.StayEnded("t1", "s1", "SNOWBIRD",
                List.of("medicine/tcm"), "YC", "2031-01-15", "2031-02-05", List.of("2031-01", "2031-02"), 21)));
        events.add(talent(TalentEvents.STAY_STARTED, "t1", new TalentEvents.StayStarted("t1", "s1", "SNOWBIRD",
                List.of("medicine/tcm"), "YC", "2031-01-15", "2031-03-10", List.of("2031-01", "2031-02", "2031-03"))));
        events.add(talent(TalentEvents.STAY_STARTED, "t2", new TalentEvents.StayStarted("t2", "s2", "SNOWBIRD",
                List.of("education/math", "medicine/surgery"), "YC", "2031-02-20", "2031-04-02",
                List.of("2031-02", "2031-03", "2031-04"))));
        events.add(talent(TalentEvents.STAY_STARTED, "t3", new TalentEvents.StayStarted("t3", "s3", "SNOWBIRD",
                List.of("agriculture/tropical-fruit"), "YC", "2030-12-01", "2031-01-31", List.of("2030-12", "2031-01"))));
        // Needs in YC: n1 matched twice and completed once, n2 not matched; the completion arrives first.
        events.add(talent(TalentEvents.MATCH_COMPLETED, "n1", new TalentEvents.MatchCompleted("p1", "n1", "t1", 5,
                "SNOWBIRD", "YC", "ONSITE", MARCH.plusSeconds(7200))));
        events.add(talent(TalentEvents.NEED_POSTED, "n1", need("n1")));
        events.add(talent(TalentEvents.NEED_POSTED, "n2", need("n2")));
        events.add(talent(TalentEvents.MATCH_ACCEPTED, "n1", new TalentEvents.MatchAccepted("p1", "n1", "t1",
                "SNOWBIRD", "YC", "ONSITE", 1, 2, MARCH.plusSeconds(3600))));
        events.add(talent(TalentEvents.MATCH_ACCEPTED, "n1", new TalentEvents.MatchAccepted("p2", "n1", "t2",
                "SNOWBIRD", "YC", "ONSITE", 2, 2, MARCH.plusSeconds(3600))));

        // Micro-wishes in 吉阳 (JY): claims and the fulfilment before the postings.
        events.add(center(CenterEvents.WISH_CLAIMED, "w1", new CenterEvents.WishClaimed("w1", "b1", "C1", "JY",
                "JY-X", "VOLUNTEER", MARCH.plusSeconds(2 * 3600))));
        events.add(center(CenterEvents.WISH_FULFILLED, "w1", new CenterEvents.WishFulfilled("w1", "b1", "C1", "JY",
                "JY-X", MARCH.plusSeconds(86400))));
        events.add(center(CenterEvents.WISH_CLAIMED, "w2", new CenterEvents.WishClaimed("w2", "b1", "C1", "JY",
                "JY-X", "PARTY_MEMBER", MARCH.plusSeconds(4 * 3600))));
        for (String w : List.of("w1", "w2", "w3")) {
            events.add(center(CenterEvents.WISH_POSTED, w, new CenterEvents.WishPosted(w, "b1", "C1", "JY", "JY-X",
                    "study", 80, MARCH)));
        }
        events.add(center(CenterEvents.VISIT_RECORDED, "v1", new CenterEvents.VisitRecorded("v1", "C1", "JY", "JY-X",
                "CONSULTATION", 5, MARCH)));
        events.add(center(CenterEvents.VISIT_RECORDED, "v2", new CenterEvents.VisitRecorded("v2", "C1", "JY", "JY-X",
                "ACTIVITY", 7, MARCH)));
        events.add(center(CenterEvents.VOLUNTEER_HOURS_LOGGED, "h1", new CenterEvents.VolunteerHoursLogged("h1", "C1",
                "JY", "JY-X", 2.5, 3, MARCH)));
        events.add(center(CenterEvents.VOLUNTEER_HOURS_LOGGED, "h2", new CenterEvents.VolunteerHoursLogged("h2", "C1",
                "JY", "JY-X", 1.25, 1, MARCH)));

        // Centres: C1 on 金鸡岭社区's point, C2 about 560 m from 崖州湾科技城社区's; C3's newer position (on 青法村)
        // arrives before its older one (2 km off), and the newer one counts.
        events.add(center(CenterEvents.CENTER_REGISTERED, "C1", centre("C1", "TY", 18.2600, 109.5030, MARCH)));
        events.add(center(CenterEvents.CENTER_REGISTERED, "C2", centre("C2", "YZ", 18.3110, 109.1790, MARCH)));
        events.add(center(CenterEvents.CENTER_REGISTERED, "C3", centre("C3", "YC", 18.4480, 109.4260,
                MARCH.plusSeconds(60))));
        events.add(center(CenterEvents.CENTER_REGISTERED, "C3", centre("C3", "YC", 18.4660, 109.4260, MARCH)));

        AnalyticsTestSupport.publishActivity(template, events);
        AnalyticsTestSupport.publishActivity(template, events.subList(0, 3));

        await("the events applied", () -> json("/analytics/centers/figures?" + RANGE + "&district=JY")
                .path("wishes").path("claimed").asLong() == 2
                && json("/analytics/talent/figures?" + RANGE + "&district=YC").path("needs").path("matchesAccepted")
                .asLong() == 2
                && mapCentres().containsAll(List.of("C1", "C2", "C3"))
                && json("/analytics/talent/figures?" + RANGE + "&district=YC").path("tide").get(2).path("present")
                .asLong() == 1);

        JsonNode talent = json("/api/analytics/talent/figures?" + RANGE + "&district=YC");
        JsonNode tide = talent.path("tide");
        assertThat(tide).extracting(m -> m.path("month").asString())
                .containsExactly("2031-01", "2031-02", "2031-03", "2031-04", "2031-05", "2031-06");
        assertThat(tide).extracting(m -> m.path("present").asLong()).containsExactly(2L, 2L, 1L, 1L, 0L, 0L);
        assertThat(tide).extracting(m -> m.path("peakSeason").asBoolean())
                .containsExactly(true, true, true, true, true, false);
        assertThat(tide.get(0).path("byExpertise").path("agriculture").asLong()).isEqualTo(1);
        assertThat(tide.get(1).path("byExpertise").path("medicine").asLong()).isEqualTo(2);
        assertThat(tide.get(1).path("byExpertise").path("education").asLong()).isEqualTo(1);
        assertThat(talent.path("needs").path("posted").asLong()).isEqualTo(2);
        assertThat(talent.path("needs").path("matched").asLong()).isEqualTo(1);
        assertThat(talent.path("needs").path("completed").asLong()).isEqualTo(1);

        JsonNode jy = json("/api/analytics/centers/figures?" + RANGE + "&district=JY");
        assertThat(jy.path("wishes").path("posted").asLong()).isEqualTo(3);
        assertThat(jy.path("wishes").path("fulfilled").asLong()).isEqualTo(1);
        assertThat(jy.path("wishes").path("fulfilmentRate").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(jy.path("wishes").path("meanHoursToClaim").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(jy.path("visits").asLong()).isEqualTo(2);
        assertThat(jy.path("visitors").asLong()).isEqualTo(12);
        assertThat(jy.path("volunteerHours").decimalValue()).isEqualByComparingTo("3.75");

        // 11 sample points, 3 of them within a 15-minute walk of a centre (the browser test's centre reaches none).
        JsonNode all = json("/analytics/centers/figures?" + RANGE);
        assertThat(all.path("samplePoints").asLong()).isEqualTo(11);
        assertThat(all.path("coverageGaps").asLong()).isEqualTo(8);
        assertThat(json("/analytics/centers/figures?district=YC").path("centers").asLong()).isEqualTo(1);
        assertThat(json("/analytics/centers/figures?district=TY").path("coverageGaps").asLong()).isEqualTo(1);
        JsonNode map = json("/analytics/centers/map");
        assertThat(map.path("gaps")).extracting(g -> g.path("code").asString()).doesNotContain("TY-JJL", "YZ-KJC",
                "YC-QF").hasSize(8);
        assertThat(map.path("reachMetres").asDouble()).isEqualTo(961.5);

        await("Prometheus shows the coverage gaps and centres per district", () -> prometheus()
                .contains("onegrid_centers_coverage_gaps{application=\"analytics-service\",district=\"YC\"} 1.0")
                && prometheus().contains(
                "onegrid_centers{application=\"analytics-service\",district=\"YC\",level=\"COMMUNITY\"} 1.0"));
        assertThat(prometheus()).contains("onegrid_centers_coverage_gaps{application=\"analytics-service\",district=\"TY\"} 1.0")
                .doesNotContain("centerId=").doesNotContain("talentId=");

        String talentBefore = get(port, "/analytics/talent/figures?" + RANGE + "&district=YC").body();
        String centersBefore = get(port, "/analytics/centers/figures?" + RANGE).body();
        String mapBefore = get(port, "/analytics/centers/map").body();
        int before = generations.current().active();
        var incremental = activityStore.dump(before);

        assertThat(post(port, "/analytics/admin/rebuild").statusCode()).isEqualTo(202);
        await("rebuild done", () -> json("/analytics/admin/rebuild").path("state").asString().equals("DONE")
                && generations.current().active() > before);

        assertThat(activityStore.dump(generations.current().active())).isEqualTo(incremental);
        assertThat(get(port, "/analytics/talent/figures?" + RANGE + "&district=YC").body()).isEqualTo(talentBefore);
        assertThat(get(port, "/analytics/centers/figures?" + RANGE).body()).isEqualTo(centersBefore);
        assertThat(get(port, "/analytics/centers/map").body()).isEqualTo(mapBefore);
    }

    @Test
    void aRangeEndingBeforeItStartsIsAProblemNamingTheField() throws Exception {
        var response = get(port, "/analytics/centers/figures?from=2031-02-01&to=2031-01-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"to\"");
    }

    @Test
    void theLeagueHistoryRanksEachUnitPerPeriod() throws Exception {
        JsonNode history = json("/analytics/league/history?by=DISTRICT&period=MONTH");
        for (JsonNode row : history) {
            assertThat(row.path("period").asString()).matches("\\d{4}-\\d{2}|UNKNOWN");
            assertThat(row.path("rank").asInt()).isPositive();
        }
        assertThat(get(port, "/analytics/league/history?by=GRID").statusCode()).isEqualTo(400);
    }

    private static TalentEvents.NeedPosted need(String id) {
        return new TalentEvents.NeedPosted(id, "义诊", "VILLAGE", "村委会", List.of("medicine"), "YC", "2031-03-01",
                "2031-03-31", 2, "ONSITE", MARCH);
    }

    private static CenterEvents.CenterRegistered centre(String id, String district, double lat, double lon,
                                                        Instant at) {
        return new CenterEvents.CenterRegistered(id, "测试中心 " + id, "COMMUNITY", district, district + "-X", lat, lon,
                List.of("MEETING_ROOM"), "24/7", at);
    }

    private static <T> EventEnvelope talent(EventType<T> type, String subject, T payload) {
        return EventEnvelope.create(type, "/onegrid/talent-service", subject, payload, "it", MARCH);
    }

    private static <T> EventEnvelope center(EventType<T> type, String subject, T payload) {
        return EventEnvelope.create(type, "/onegrid/service-center-service", subject, payload, "it", MARCH);
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(get(port, path).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> mapCentres() {
        List<String> ids = new ArrayList<>();
        json("/analytics/centers/map").path("centers").forEach(c -> ids.add(c.path("centerId").asString()));
        return ids;
    }

    private String prometheus() {
        try {
            return get(port, "/actuator/prometheus").body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
