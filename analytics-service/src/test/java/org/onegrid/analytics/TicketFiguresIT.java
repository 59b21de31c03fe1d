package org.onegrid.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.analytics.AnalyticsTestSupport.await;
import static org.onegrid.analytics.AnalyticsTestSupport.get;
import static org.onegrid.analytics.AnalyticsTestSupport.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A known set of ticket events, published out of order and partly twice through the real broker, gives exact
 * figures over HTTP, in CSV and in Prometheus; and a rebuild from the topic gives back the very same views.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mongodb.database=it-analytics", "onegrid.analytics.metrics-refresh=500ms"})
class TicketFiguresIT {

    private static final Instant MORNING = Instant.parse("2026-11-02T01:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    TicketViewStore store;
    @Autowired
    ViewGenerations generations;
    @Autowired
    ActivityEventStore activityStore;

    @Test
    void exactFiguresFromOutOfOrderEventsAndARebuildThatEqualsThem() throws Exception {
        List<TicketStory> tianya = List.of(
                TicketStory.reported("TY", "sanitation", MORNING).accepted().dispatched().resolved(true, 2.0)
                        .rated("SATISFIED"),
                TicketStory.reported("TY", "sanitation", MORNING).accepted().dispatched().resolved(true, 4.0)
                        .rated("BASICALLY_SATISFIED"),
                TicketStory.reported("TY", "sanitation", MORNING).accepted().dispatched().returned().dispatched()
                        .resolved(false, 6.0).rated("UNSATISFIED").reopened(),
                TicketStory.reported("TY", "housing", MORNING).accepted().dispatched().warned().escalated()
                        .resolved(false, 20.0),
                TicketStory.reported("TY", "housing", MORNING).accepted(),
                TicketStory.reported("TY", "housing", MORNING));
        List<TicketStory> haitang = List.of(
                TicketStory.reported("HT", "sanitation", MORNING).accepted().dispatched().resolved(true, 1.0)
                        .rated("SATISFIED"),
                TicketStory.reported("HT", "sanitation", MORNING).accepted().dispatched().resolved(true, 1.0)
                        .rated("SATISFIED"));
        List<EventEnvelope> events = new ArrayList<>();
        for (TicketStory story : concat(tianya, haitang)) {
            List<EventEnvelope> backwards = new ArrayList<>(story.events());
            Collections.reverse(backwards);
            events.addAll(backwards);
        }
        events.addAll(tianya.get(0).events());

        AnalyticsTestSupport.publish(template, events);

        // Every event moves at least one of these counts, so once they all match every event has been applied.
        await("all events applied", () -> {
            JsonNode t = district("TY");
            JsonNode h = district("HT");
            return t.path("received").asLong() == 6 && t.path("accepted").asLong() == 5
                    && t.path("dispatched").asLong() == 4 && t.path("returned").asLong() == 1
                    && t.path("resolved").asLong() == 3 && t.path("rated").asLong() == 3
                    && t.path("reopened").asLong() == 1 && t.path("warnings").asLong() == 1
                    && t.path("escalations").asLong() == 1 && h.path("resolved").asLong() == 2
                    && h.path("rated").asLong() == 2;
        });
        JsonNode ty = district("TY");
        assertThat(ty.path("accepted").asLong()).isEqualTo(5);
        assertThat(ty.path("resolved").asLong()).isEqualTo(3);
        assertThat(ty.path("completionRate").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(ty.path("solutionOnTimeRate").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(ty.path("satisfactionRate").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(ty.path("unsatisfied").asLong()).isEqualTo(1);
        assertThat(ty.path("reopenRate").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(ty.path("dispatched").asLong()).isEqualTo(4);
        assertThat(ty.path("returnedRate").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(ty.path("warnings").asLong()).isEqualTo(1);
        assertThat(ty.path("openOverdue").asLong()).isEqualTo(3);
        assertThat(ty.path("meanHandlingWorkingHours").asDouble()).isEqualTo(8.67);
        assertThat(ty.path("p90HandlingWorkingHours").asDouble()).isEqualTo(20.0);
        JsonNode ht = district("HT");
        assertThat(ht.path("completionRate").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(ht.path("satisfactionRate").decimalValue()).isEqualByComparingTo("100.00");

        String csv = get(port, "/analytics/tickets/figures.csv?groupBy=DISTRICT").body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("key,period,received,accepted,resolved,completionRate");
        assertThat(csv).contains("\nTY,ALL,6,5,3,60.00,");

        await("Prometheus shows the district's completion rate", () -> prometheus()
                .contains("onegrid_tickets_completion_rate{application=\"analytics-service\",district=\"TY\"} 60.0"));
        await("Prometheus shows the counts with all four labels", () -> prometheus().contains(
                "onegrid_tickets_received{application=\"analytics-service\",category=\"sanitation\","
                        + "channel=\"GRID_APP\",department=\"housing\",district=\"TY\"} 3.0"));
        assertThat(prometheus()).doesNotContain("grid=").doesNotContain("ticketId");

        CenterEvents.AppealSubmitted appeal = new CenterEvents.AppealSubmitted("ap-" + java.util.UUID.randomUUID(),
                "c-1", "三亚湾党群服务中心", "TY", "TY-SYW", "noise", "夜间施工噪音", null, null, "r-1", MORNING);
        EventEnvelope appealEvent = EventEnvelope.create(CenterEvents.APPEAL_SUBMITTED, "/onegrid/service-center-service",
                appeal.appealId(), appeal, "test", MORNING);
        var centerRecord = new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.CENTER, appeal.appealId(),
                EventCodec.encode(appealEvent));
        template.send(centerRecord).get();
        template.send(centerRecord).get();
        await("the appeal counted once", () -> activity().contains(
                "{\"type\":\"onegrid.center.appeal-submitted.v1\",\"district\":\"TY\",\"month\":\"2026-11\",\"events\":1,"));

        int before = generations.current().active();
        var incremental = store.dump(before);
        var incrementalActivity = activityStore.dump(before);
        String figuresBefore = get(port, "/analytics/tickets/figures?groupBy=DISTRICT").body();

        assertThat(post(port, "/analytics/admin/rebuild", "dispatcher").statusCode()).as("admins only").isEqualTo(403);
        assertThat(post(port, "/analytics/admin/rebuild").statusCode()).isEqualTo(202);
        await("rebuild done", () -> rebuildState().equals("DONE"));

        int after = generations.current().active();
        assertThat(after).isEqualTo(before + 1);
        assertThat(store.dump(after)).isEqualTo(incremental);
        assertThat(activityStore.dump(after)).isEqualTo(incrementalActivity);
        assertThat(get(port, "/analytics/tickets/figures?groupBy=DISTRICT").body()).isEqualTo(figuresBefore);
        JsonNode progress = JSON.readTree(get(port, "/analytics/admin/rebuild").body());
        assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.path("processed").asLong()).isGreaterThanOrEqualTo(events.size());
    }

    @Test
    void onlyAnAdministratorRebuilds() throws Exception {
        var response = AnalyticsTestSupport.postAnonymously(port, "/analytics/admin/rebuild");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void everyViewExportsAsCsvOnRequestAndJsonOtherwise() throws Exception {
        var json = get(port, "/analytics/league?by=DISTRICT");
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));

        AnalyticsTestSupport.publish(template, TicketStory.reported("YC", "education", MORNING).accepted().events());
        await("a district in the league", () -> {
            try {
                return get(port, "/analytics/league?by=DISTRICT").body().contains("\"YC\"");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        var league = get(port, "/analytics/league?by=DISTRICT&format=csv");
        assertThat(league.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/csv"));
        assertThat(league.body().lines().findFirst().orElseThrow()).startsWith("rank,unit,score,figures.received");
        assertThat(league.body()).containsPattern("\n\\d+,YC,");

        var talent = get(port, "/analytics/talent/figures?format=csv");
        assertThat(talent.body().lines().findFirst().orElseThrow()).isEqualTo("field,value");
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        var response = get(port, "/analytics/tickets/figures?groupBy=PLANET");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("groupBy").doesNotContain("Exception");

        for (String path : new String[] {"/analytics/tickets/figures", "/analytics/league", "/analytics/league/history"}) {
            var backwards = get(port, path + "?from=2026-11-30&to=2026-11-01");
            assertThat(backwards.statusCode()).as(path).isEqualTo(400);
            assertThat(backwards.body()).as(path).contains("\"field\":\"to\"", "must not be before from");
        }
    }

    private JsonNode district(String code) {
        try {
            JsonNode rows = JSON.readTree(get(port, "/api/analytics/tickets/figures?groupBy=DISTRICT").body())
                    .path("rows");
            for (JsonNode row : rows) {
                if (row.path("key").asString().equals(code)) {
                    return row.path("figures");
                }
            }
            return JSON.createObjectNode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String activity() {
        try {
            return get(port, "/api/analytics/activity/counts?area=CENTER").body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String prometheus() {
        try {
            return get(port, "/actuator/prometheus").body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String rebuildState() {
        try {
            return JSON.readTree(get(port, "/analytics/admin/rebuild").body()).path("state").asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<TicketStory> concat(List<TicketStory> a, List<TicketStory> b) {
        List<TicketStory> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
