package org.onegrid.ticket.intake.hotline;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.SanyaReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.SECRET;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.await;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.caseNo;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.hotlineCase;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.phone;

/**
 * The statuses a hotline ticket sends back to the 12345 hotline, end to end: the hotline's callback endpoint is a
 * real local HTTP server that refuses each status twice before accepting it.
 */
@HotlineIntakeTest
@TestPropertySource(properties = {"spring.mongodb.database=hotline-callbacks-it",
        "spring.kafka.consumer.group-id=hotline-callbacks-it",
        "onegrid.intake.hotline.sync-group=hotline-callbacks-it-sync"})
class HotlineStatusCallbacksIT {

    static final CallbackReceiver RECEIVER = new CallbackReceiver(SECRET, 2);

    @DynamicPropertySource
    static void callback(DynamicPropertyRegistry registry) {
        registry.add("onegrid.intake.hotline.partners.hotline-12345.callback-url", RECEIVER::url);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    GridStore grids;

    HotlineHttp http;

    @BeforeEach
    void setUp() {
        SanyaReferenceData.saveWithGrids(grids);
        http = new HotlineHttp(port);
    }

    @Test
    void statusesReachTheHotlineOnceAndInOrderDespiteFailures() {
        String caseNo = caseNo();
        String phone = phone();
        JsonNode created = http.postCase(hotlineCase(caseNo, phone, "人行道地砖松动", "JTYS-DLSS")).body();
        String ticketId = created.path("ticketId").asString();
        // The hotline passes the rating link to the caller; the caller's rating is the last status.
        String ratingToken = created.path("ratingToken").asString();
        http.command(ticketId, "accept", Map.of());
        http.command(ticketId, "dispatch", Map.of());
        http.command(ticketId, "start", Map.of());
        http.command(ticketId, "resolve", Map.of("summary", "已更换松动地砖"));
        http.command(ticketId, "reply", Map.of("summary", "已电话告知市民处理结果"));
        assertThat(http.staff("POST", "/tickets/" + ticketId + "/rate", "requester", null, null,
                Map.of("ratingToken", ratingToken, "rating", "SATISFIED")).status()).isEqualTo(200);

        await("four statuses accepted", () -> RECEIVER.acceptedStatuses(caseNo).size() >= 4);
        assertThat(RECEIVER.acceptedStatuses(caseNo)).containsExactly("DISPATCHED", "RESOLVED", "REPLIED", "RATED");
        assertThat(RECEIVER.refused(caseNo)).isEqualTo(8);
        assertThat(RECEIVER.accepted(caseNo).get(3).body().path("rating").asString()).isEqualTo("SATISFIED");
        var delivered = RECEIVER.accepted(caseNo);
        assertThat(delivered.get(1).body().path("detail").asString()).isEqualTo("已更换松动地砖");
        assertThat(delivered.get(0).body().toString()).doesNotContain("王小明");
        assertThat(http.admin("GET", "/intake/hotline/deliveries?state=SENT&caseNo=" + caseNo, null).body()
                .path("total").asLong()).isEqualTo(4);
        assertThat(RECEIVER.badSignatures()).isZero();
        // reported, accepted, dispatched, started, resolved, replied, rated, closed: none names the caller.
        List<String> events = HotlineHttp.ticketEventValues(ticketId, 8);
        assertThat(events).hasSize(8).noneMatch(e -> e.contains(phone) || e.contains("王小明"));
    }

    @Test
    void aCallbackThatKeepsFailingIsDeadLetteredHoldsItsCaseAndCanBeRetried() {
        String caseNo = caseNo();
        RECEIVER.refuseEverything(caseNo, true);
        String ticketId = http.postCase(hotlineCase(caseNo, phone(), "公园路灯损坏", "JTYS-DLSS"))
                .body().path("ticketId").asString();
        http.command(ticketId, "accept", Map.of());
        http.command(ticketId, "dispatch", Map.of());
        http.command(ticketId, "start", Map.of());
        http.command(ticketId, "resolve", Map.of("summary", "已修复路灯"));

        await("the dispatch status is dead-lettered", () -> http.admin("GET",
                "/intake/hotline/deliveries?state=DEAD&caseNo=" + caseNo, null).body().path("total").asLong() == 1);
        JsonNode dead = http.admin("GET", "/intake/hotline/deliveries?state=DEAD&caseNo=" + caseNo, null).body()
                .path("items").get(0);
        assertThat(dead.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dead.path("attempts").asInt()).isEqualTo(4);
        assertThat(RECEIVER.refused(caseNo)).isEqualTo(4);
        assertThat(http.admin("GET", "/intake/hotline/deliveries?state=DEAD", null).status()).isEqualTo(200);
        assertThat(http.staff("GET", "/intake/hotline/deliveries?state=DEAD", "dispatcher", "TY", null, null)
                .status()).isEqualTo(403);
        // The resolution waits behind the dead dispatch: never out of order.
        await("the resolution is queued", () -> http.admin("GET",
                "/intake/hotline/deliveries?state=PENDING&caseNo=" + caseNo, null).body().path("total").asLong() == 1);
        assertThat(RECEIVER.acceptedStatuses(caseNo)).isEmpty();

        RECEIVER.refuseEverything(caseNo, false);
        String id = dead.path("id").asString();
        assertThat(http.admin("POST", "/intake/hotline/deliveries/" + id + "/retry", null).status()).isEqualTo(200);
        await("both statuses delivered", () -> RECEIVER.acceptedStatuses(caseNo).size() >= 2);
        assertThat(RECEIVER.acceptedStatuses(caseNo)).containsExactly("DISPATCHED", "RESOLVED");
        assertThat(http.admin("POST", "/intake/hotline/deliveries/" + id + "/retry", null).status()).isEqualTo(409);
    }
}
