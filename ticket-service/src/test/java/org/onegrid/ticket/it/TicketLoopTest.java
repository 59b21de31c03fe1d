package org.onegrid.ticket.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.ticket.TicketEvents;

import static org.assertj.core.api.Assertions.assertThat;

class TicketLoopTest extends IntegrationTestBase {

    @Test
    void oneTicketThroughTheWholeLoopPublishesEveryTransitionInOrder() {
        Response created = createTicket("金鸡岭路垃圾桶满溢", "sanitation");
        JsonView ticket = new JsonView(created.body().path("ticket"));
        String id = ticket.text("id");
        String token = created.text("ratingToken");
        assertThat(token).isNotBlank();
        assertThat(ticket.text("gridCode")).as("located from the point").isEqualTo("TY-JJL-01");
        assertThat(ticket.text("districtCode")).isEqualTo("TY");
        assertThat(ticket.text("status")).isEqualTo("REPORTED");
        assertThat(ticket.text("ticketNo")).startsWith("TY-");
        assertThat(created.body().path("ticket").path("solution").path("dueAt").asString(null)).isNotNull();

        command(id, "accept", Caller.dispatcher("TY"), Map.of("comment", "核实属实"));
        JsonView dispatched = new JsonView(command(id, "dispatch", Caller.dispatcher("TY"), Map.of()));
        assertThat(dispatched.text("departmentCode")).as("category default").isEqualTo("HW");
        command(id, "start", Caller.handler("HW"), Map.of());
        command(id, "resolve", Caller.handler("HW"), Map.of("summary", "已清运", "attachments", List.of("photo-1")));
        command(id, "reply", Caller.dispatcher("TY"), Map.of("summary", "已电话回复"));
        JsonView closed = new JsonView(command(id, "rate", Caller.requester(),
                Map.of("ratingToken", token, "rating", "SATISFIED", "comment", "满意")));
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.node().path("history").size()).isEqualTo(8);

        List<EventEnvelope> events = ticketEvents(id, list -> list.size() >= 8);
        assertThat(types(events)).containsExactly("reported", "accepted", "dispatched", "started", "resolved",
                "replied", "rated", "closed");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(id);
            String json = EventCodec.encode(e);
            assertThat(json).doesNotContain("13812345678").doesNotContain("王小明");
        });
        var resolved = EventCodec.payload(events.get(4), TicketEvents.RESOLVED);
        assertThat(resolved.ticket().departmentCode()).isEqualTo("HW");
        assertThat(resolved.ticket().gridCode()).isEqualTo("TY-JJL-01");
        assertThat(resolved.onTheSpot()).isFalse();
        assertThat(EventCodec.payload(events.get(7), TicketEvents.CLOSED).rated()).isTrue();

        // A command the state machine does not allow now: 409 problem naming the state.
        Response again = post("/tickets/" + id + "/dispatch", Caller.dispatcher("TY"), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).contains("application/problem+json");
        assertThat(again.text("currentState")).isEqualTo("CLOSED");
        assertThat(again.text("detail")).contains("CLOSED");
    }

    @Test
    void createIsIdempotentOnTheClientRequestIdAndTheTokenIsGivenOnce() {
        Map<String, Object> body = Map.of("clientRequestId", "retry-" + System.nanoTime(), "title", "井盖破损",
                "gridCode", "YZ-KJC-02", "categoryCode", "roads");
        Response first = post("/tickets", Caller.worker("YZ"), body);
        Response retry = post("/tickets", Caller.worker("YZ"), body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("ticket").path("id").asString())
                .isEqualTo(first.body().path("ticket").path("id").asString());
        assertThat(first.text("ratingToken")).isNotBlank();
        assertThat(retry.body().path("ratingToken").isNull()).isTrue();
        assertThat(first.body().path("ticket").path("districtCode").asString()).isEqualTo("YZ");
    }

    @Test
    void callersAreCheckedAgainstRoleDistrictAndDepartment() {
        String id = createTicket("噪声扰民", "noise").body().path("ticket").path("id").asString();
        assertThat(post("/tickets/" + id + "/accept", Caller.dispatcher("YZ"), Map.of()).status()).isEqualTo(403);
        assertThat(post("/tickets/" + id + "/accept", Caller.requester(), Map.of()).status()).isEqualTo(403);
        command(id, "accept", Caller.dispatcher("TY"), Map.of());
        command(id, "dispatch", Caller.dispatcher("TY"), Map.of());
        Response wrongDepartment = post("/tickets/" + id + "/start", Caller.handler("HW"), Map.of());
        assertThat(wrongDepartment.status()).isEqualTo(403);
        assertThat(wrongDepartment.contentType()).contains("application/problem+json");
        Response noRole = post("/tickets/" + id + "/start", new Caller("boss", "x", null, null), Map.of());
        assertThat(noRole.status()).isEqualTo(400);
        assertThat(noRole.body().path("errors").path(0).path("field").asString()).isEqualTo("X-OneGrid-Role");
    }

    @Test
    void badInputIsA400NamingTheField() {
        Response noTitle = post("/tickets", Caller.worker("TY"), Map.of("gridCode", "TY-JJL-01"));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body().path("errors").path(0).path("field").asString()).isEqualTo("title");
        Response badCategory = post("/tickets", Caller.worker("TY"), Map.of("title", "x", "gridCode", "TY-JJL-01",
                "categoryCode", "nope"));
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.body().path("errors").path(0).path("field").asString()).isEqualTo("categoryCode");
        Response nowhere = post("/tickets", Caller.worker("TY"), Map.of("title", "x", "lat", 10.0, "lon", 10.0));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(get("/tickets?size=1000", Caller.admin()).status()).isEqualTo(400);
        assertThat(get("/tickets?sort=title,desc", Caller.admin()).status()).isEqualTo(400);
        assertThat(get("/tickets/does-not-exist", Caller.admin()).status()).isEqualTo(404);
        assertThat(get("/tickets?createdFrom=yesterday", Caller.admin()).status()).isEqualTo(400);
        Response backwards = get("/tickets?createdFrom=2026-11-30T00:00:00Z&createdTo=2026-11-01T00:00:00Z",
                Caller.admin());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").path(0).path("field").asString()).isEqualTo("createdTo");
        assertThat(get("/tickets?status=DONE", Caller.admin()).status()).isEqualTo(400);
    }

    @Test
    void openApiDocumentDescribesTheTicketAndGridEndpoints() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/tickets/{id}/dispatch")).isTrue();
        assertThat(docs.body().path("paths").has("/grid/locate")).isTrue();
        // The channels partners integrate against are documented with examples.
        assertThat(docs.body().path("paths").path("/intake/hotline/cases").toString()).contains("SY12345-20261123-0001");
        assertThat(docs.body().path("paths").path("/intake/events").toString()).contains("video-incident");
        assertThat(docs.body().path("paths").path("/open311/v2/requests.json").toString()).contains("service_code=noise");
    }

    @Test
    void queriesQueuesAndThePublicBoard() {
        Response created = createTicket("楼道灯坏了 联系13812345678", "utilities");
        String id = created.body().path("ticket").path("id").asString();
        String no = created.body().path("ticket").path("ticketNo").asString();

        Response queue = get("/tickets/queue/dispatcher?size=100", Caller.dispatcher("TY"));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("items").values()).extracting(n -> n.path("id").asString()).contains(id);
        assertThat(queue.body().path("items").values()).allSatisfy(n ->
                assertThat(n.path("districtCode").asString()).isEqualTo("TY"));

        command(id, "accept", Caller.dispatcher("TY"), Map.of());
        command(id, "dispatch", Caller.dispatcher("TY"), Map.of("departmentCode", "SDQ"));
        Response departmentQueue = get("/tickets/queue/department", Caller.handler("SDQ"));
        assertThat(departmentQueue.body().path("items").values()).extracting(n -> n.path("id").asString())
                .contains(id);

        Response found = get("/tickets?district=TY&status=DISPATCHED&category=utilities&q=" + no, Caller.admin());
        assertThat(found.body().path("total").asLong()).isEqualTo(1);
        assertThat(get("/tickets?district=YZ&q=" + no, Caller.admin()).body().path("total").asLong()).isZero();

        // A requester's view masks the requester's phone and name.
        JsonView masked = new JsonView(get("/tickets/" + id, Caller.requester()).body());
        assertThat(masked.node().path("requester").path("phone").asString()).isEqualTo("138****5678");
        assertThat(masked.node().path("requester").path("name").asString()).isEqualTo("王**");

        command(id, "start", Caller.handler("SDQ"), Map.of());
        command(id, "resolve", Caller.handler("SDQ"), Map.of("summary", "已更换灯泡，回访13812345678"));
        Response board = get("/tickets/board?community=TY-JJL&size=100", null);
        assertThat(board.status()).isEqualTo(200);
        JsonView entry = new JsonView(board.body().path("items").values().stream()
                .filter(n -> n.path("ticketNo").asString().equals(no)).findFirst().orElseThrow());
        assertThat(entry.text("title")).isEqualTo("楼道灯坏了 联系138****5678");
        assertThat(entry.text("resolutionSummary")).doesNotContain("13812345678");
        assertThat(entry.node().has("requester")).isFalse();
    }

    @Test
    void gridRegisterImportAndLocate() {
        assertThat(get("/grid/districts", null).body().size()).isEqualTo(5);
        assertThat(get("/grid/grids?community=TY-JJL", null).body().path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(get("/grid/categories?district=YZ", null).body().values())
                .filteredOn(c -> c.path("code").asString().equals("sanitation"))
                .extracting(c -> c.path("solution").asString()).containsExactly("4h");

        Map<String, Object> collection = Map.of("type", "FeatureCollection", "features", List.of(
                Map.of("type", "Feature", "properties", Map.of("code", "YC-QF-09", "name", "青法村第9网格",
                                "districtCode", "YC", "communityCode", "YC-QF",
                                "leader", Map.of("name", "符海", "phone", "13900001111")),
                        "geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                                List.of(109.40, 18.46), List.of(109.41, 18.46), List.of(109.41, 18.47),
                                List.of(109.40, 18.47), List.of(109.40, 18.46))))),
                Map.of("type", "Feature", "properties", Map.of("code", "bad code", "name", "x",
                        "districtCode", "YC", "communityCode", "YC-QF"),
                        "geometry", Map.of("type", "Point", "coordinates", List.of(109.4, 18.4)))));
        assertThat(post("/grid/grids/import", Caller.dispatcher("YC"), collection).status()).isEqualTo(403);
        Response imported = post("/grid/grids/import", Caller.admin(), collection);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(1);
        assertThat(imported.body().path("problems").path(0).path("field").asString()).isEqualTo("properties.code");

        JsonView located = new JsonView(get("/grid/locate?lat=18.465&lon=109.405", null).body());
        assertThat(located.node().path("grid").path("code").asString()).isEqualTo("YC-QF-09");
        assertThat(located.text("method")).isEqualTo("POLYGON");
        assertThat(located.node().path("grid").path("leader").path("maskedPhone").asString()).isEqualTo("139****1111");
        assertThat(get("/grid/locate?lat=18.2601&lon=109.5031", null).body().path("grid").path("code").asString())
                .isEqualTo("TY-JJL-02");
        assertThat(get("/grid/locate?gridCode=TY-JJL-03", null).body().path("method").asString()).isEqualTo("CODE");
        assertThat(get("/grid/locate?lat=10&lon=10", null).status()).isEqualTo(404);
    }

    @Test
    void categoryRulesAreDataAndCanDifferPerDistrict() {
        Map<String, Object> rule = Map.of("nameZh", "共享单车乱停放", "nameEn", "Dockless bikes", "departmentCode", "JT",
                "firstResponse", "2h", "solution", "2d",
                "overrides", Map.of("HT", Map.of("solution", "4h", "departmentCode", "ZZ")));
        assertThat(put("/grid/categories/bikes", Caller.dispatcher("HT"), rule).status()).isEqualTo(403);
        Response saved = put("/grid/categories/bikes", Caller.admin(), rule);
        assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);
        Response bad = put("/grid/categories/bikes", Caller.admin(), Map.of("nameZh", "x", "departmentCode", "JT",
                "firstResponse", "2 weeks", "solution", "2d"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").path(0).path("field").asString()).isEqualTo("firstResponse");

        var inHaitang = get("/grid/categories?district=HT", null).body().values().stream()
                .filter(c -> c.path("code").asString().equals("bikes")).findFirst().orElseThrow();
        assertThat(inHaitang.path("solution").asString()).isEqualTo("4h");
        assertThat(inHaitang.path("departmentCode").asString()).isEqualTo("ZZ");

        // A Haitang ticket of this category is due within half a working day, and goes to 综治 by default.
        String id = post("/tickets", Caller.worker("HT"), Map.of("title", "单车堵路", "gridCode", "HT-LH-01",
                "categoryCode", "bikes")).body().path("ticket").path("id").asString();
        command(id, "accept", Caller.dispatcher("HT"), Map.of());
        var dispatched = command(id, "dispatch", Caller.dispatcher("HT"), Map.of());
        assertThat(dispatched.path("departmentCode").asString()).isEqualTo("ZZ");
        java.time.Instant reported = java.time.Instant.parse(dispatched.path("reportedAt").asString());
        java.time.Instant due = java.time.Instant.parse(dispatched.path("solution").path("dueAt").asString());
        assertThat(java.time.Duration.between(reported, due)).isLessThan(java.time.Duration.ofDays(4));
    }

    /** Small reading helper. */
    record JsonView(tools.jackson.databind.JsonNode node) {
        String text(String field) {
            return node.path(field).asString(null);
        }
    }
}
