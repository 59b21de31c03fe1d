package org.onegrid.talent.api;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.ServiceRequestStatus;
import org.onegrid.talent.domain.ServiceRequestType;
import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.ServiceRequestStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LiaisonServiceTest extends IntegrationTestBase {

    @Autowired
    LiaisonStore liaisons;

    @Autowired
    ServiceRequestStore requests;

    @Autowired
    ServiceRequestCommands commands;

    @Autowired
    MongoDatabase db;

    private String certifiedHighLevel(String unit, District district) {
        String id = register(registration(idNumber(), phone(), Map.of("category", "HIGH_LEVEL",
                "highLevelClass", "D", "unitId", unit, "district", district.name()))).body().get("id").asString();
        certify(id, null);
        return id;
    }

    @Test
    void aBatchOfCertifiedTalentIsSpreadEvenlyOverTheUnitsLiaisons() {
        String unit = unique("unit-science-city");
        List<String> ids = List.of(unique("l-a"), unique("l-b"), unique("l-c"));
        ids.forEach(id -> liaisons.upsert(new LiaisonStore.Liaison(id, "联络员", unit, "崖州湾科技城管理局", District.YZ,
                10, 0)));
        List<String> talents = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            talents.add(certifiedHighLevel(unit, District.YZ));
        }

        assertThat(ids).allSatisfy(id -> assertThat(liaisons.find(id).orElseThrow().assigned()).isEqualTo(3));
        assertThat(talents).allSatisfy(t -> assertThat(ids).contains(
                get("/talent/talents/" + t, "admin", "a").body().get("liaisonId").asString()));
    }

    @Test
    void reAssignmentMovesTheLoadAndKeepsTheHistory() {
        String unit = unique("unit-hospital");
        String first = unique("l-first");
        String second = unique("l-second");
        liaisons.upsert(new LiaisonStore.Liaison(first, "联络员甲", unit, "三亚中心医院", District.HT, 5, 0));
        String talent = certifiedHighLevel(unit, District.HT);
        String assigned = get("/talent/talents/" + talent, "admin", "a").body().get("liaisonId").asString();
        assertThat(assigned).isEqualTo(first);
        liaisons.upsert(new LiaisonStore.Liaison(second, "联络员乙", unit, "三亚中心医院", District.HT, 5, 0));

        Response moved = post("/talent/talents/" + talent + "/liaison", "admin", "admin-1", Map.of());

        assertThat(moved.status()).isEqualTo(200);
        JsonNode history = moved.body().get("liaisonHistory");
        assertThat(moved.body().get("liaisonId").asString()).isEqualTo(second);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("liaisonId").asString()).isEqualTo(first);
        assertThat(history.get(1).get("previousLiaisonId").asString()).isEqualTo(first);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("REASSIGNED");
        assertThat(liaisons.find(first).orElseThrow().assigned()).isZero();
        assertThat(liaisons.find(second).orElseThrow().assigned()).isEqualTo(1);
        assertThat(post("/talent/talents/" + talent + "/liaison", "talent", talent, Map.of()).status()).isEqualTo(403);
    }

    @Autowired
    org.onegrid.talent.store.TalentStore talentStore;

    @Test
    void aPlaceTakenByAnAssignmentThatDiedHalfwayIsGivenBack() {
        String unit = unique("unit-port");
        String liaison = unique("l-port");
        liaisons.upsert(new LiaisonStore.Liaison(liaison, "联络员", unit, "三亚港务局", District.TY, 2, 0));
        String talent = certifiedHighLevel(unit, District.TY);
        // The place was taken, then the process died before the talent was written.
        assertThat(liaisons.reserve(liaison, unique("never-written"), Instant.now().minus(1, ChronoUnit.HOURS)))
                .isTrue();
        assertThat(liaisons.find(liaison).orElseThrow().assigned()).isEqualTo(2);
        assertThat(liaisons.reserve(liaison, unique("third"), Instant.now())).as("full").isFalse();

        var reconciler = new LiaisonPlacesReconciler(liaisons, talentStore, java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(2));
        assertThat(reconciler.releaseOrphanedPlaces()).isEqualTo(1);
        assertThat(liaisons.find(liaison).orElseThrow().assigned()).isEqualTo(1);
        assertThat(reconciler.releaseOrphanedPlaces()).as("nothing left to give back").isZero();

        // Even with every hold counted as old, the talent who really has this liaison keeps the place.
        var impatient = new LiaisonPlacesReconciler(liaisons, talentStore, java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(-1));
        assertThat(impatient.releaseOrphanedPlaces()).isZero();
        assertThat(liaisons.find(liaison).orElseThrow().assigned()).isEqualTo(1);
        assertThat(get("/talent/talents/" + talent, "admin", "a").body().get("liaisonId").asString())
                .isEqualTo(liaison);
        // A retried reservation for a talent already holding a place takes no second one.
        assertThat(liaisons.reserve(liaison, talent, Instant.now())).isTrue();
        assertThat(liaisons.find(liaison).orElseThrow().assigned()).isEqualTo(1);
    }

    @Test
    void theLiaisonHandlesAServiceRequestAndARetryCreatesNoSecondOne() {
        String unit = unique("unit-edu");
        String liaison = unique("l-edu");
        liaisons.upsert(new LiaisonStore.Liaison(liaison, "联络员", unit, "三亚市教育局", District.JY, 5, 0));
        String talent = certifiedHighLevel(unit, District.JY);
        String requestId = unique("req");
        Map<String, Object> body = Map.of("requestId", requestId, "type", "SCHOOLING",
                "description", "孩子入学，联系电话13912345678");

        Response first = post("/talent/talents/" + talent + "/service-requests", "talent", talent, body);
        Response retry = post("/talent/talents/" + talent + "/service-requests", "talent", talent, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.body().get("id").asString()).isEqualTo(requestId);
        assertThat(first.body().get("liaisonId").asString()).isEqualTo(liaison);
        assertThat(first.body().get("description").asString()).doesNotContain("13912345678");
        assertThat(requests.list(null, talent, null, 0, 10).total()).isEqualTo(1);
        JsonNode workList = get("/talent/service-requests?liaisonId=ignored", "liaison", liaison).body();
        assertThat(workList.get("total").asLong()).isEqualTo(1);
        assertThat(workList.get("items").get(0).get("id").asString()).isEqualTo(requestId);
        assertThat(get("/talent/service-requests?liaisonId=" + liaison, "liaison", "l-other").body()
                .get("total").asLong()).isZero();
        assertThat(get("/talent/service-requests", null, null).status()).isEqualTo(403);

        assertThat(post("/talent/service-requests/" + requestId + "/status", "liaison", "someone-else",
                Map.of("status", "DONE")).status()).isEqualTo(403);
        Response done = post("/talent/service-requests/" + requestId + "/status", "liaison", liaison,
                Map.of("status", "DONE", "note", "已安排入学"));
        assertThat(done.body().get("status").asString()).isEqualTo("DONE");
        Response reopened = post("/talent/service-requests/" + requestId + "/status", "liaison", liaison,
                Map.of("status", "IN_PROGRESS"));
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.body().get("currentState").asString()).isEqualTo("DONE");
    }

    @Test
    void anOverdueRequestRaisesItsEventOnceEvenWhenChecksRace() throws Exception {
        String id = unique("req-overdue");
        Instant created = Instant.now().minus(5, ChronoUnit.DAYS);
        requests.insert(new ServiceRequestStore.ServiceRequest(id, 0, unique("talent"), unique("liaison"),
                ServiceRequestType.CAR, "接机", ServiceRequestStatus.OPEN, created.plus(ServiceRequestType.CAR.allowed()),
                false, created, List.of()), List.of());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> checks = List.of(commands::raiseOverdue, commands::raiseOverdue,
                commands::raiseOverdue, commands::raiseOverdue);
        int total = 0;
        for (Future<Integer> f : pool.invokeAll(checks)) {
            total += f.get();
        }
        pool.shutdown();

        Document raw = db.getCollection(ServiceRequestStore.COLLECTION).find(eq("_id", id)).first();
        assertThat(raw.getBoolean("overdueRaised")).isTrue();
        assertThat(total).isGreaterThanOrEqualTo(1);
        var events = talentEvents(r -> id.equals(r.key()));
        assertThat(events).extracting(IntegrationTestBase::type)
                .containsExactly("onegrid.talent.service-request-overdue.v1");
        assertThat(commands.raiseOverdue()).isZero();
    }
}
