package org.onegrid.ticket.intake.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.RatingTokens;
import org.onegrid.ticket.domain.intake.HotlineSignature;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.SanyaReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.PARTNER;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.SECRET;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.await;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.caseNo;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.hotlineCase;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.json;
import static org.onegrid.ticket.intake.hotline.HotlineHttp.phone;

/**
 * The 12345 channel end to end over HTTP against a real broker and the Mongo wire protocol: signatures, validation,
 * one ticket per case, updates and repeat callers. The statuses sent back to the hotline: {@link HotlineStatusCallbacksIT}.
 */
@HotlineIntakeTest
@TestPropertySource(properties = {"spring.mongodb.database=hotline-it", "spring.kafka.consumer.group-id=hotline-it",
        "onegrid.intake.hotline.sync-group=hotline-it-sync"})
class HotlineIntakeIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    GridStore grids;
    @Autowired
    TicketService tickets;

    HotlineHttp http;

    @BeforeEach
    void setUp() {
        SanyaReferenceData.saveWithGrids(grids);
        http = new HotlineHttp(port);
    }

    /** Hotline tickets and cases (appeals replayed from the shared broker may add CENTER tickets meanwhile). */
    long stored() {
        return database.getCollection("tickets").countDocuments(Filters.eq("channel", HotlineIntake.CHANNEL))
                + database.getCollection(HotlineStore.CASES).countDocuments();
    }

    @Test
    void badSignaturesStaleTimestampsAndReplaysAre401AndStoreNothing() {
        byte[] body = json(hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS"));
        long now = Instant.now().getEpochSecond();
        long before = stored();
        List<HotlineHttp.Response> refused = List.of(
                http.postCase(body, PARTNER, "wrong-secret", now),
                http.postCase(body, PARTNER, SECRET, now - 301),
                http.postCase(body, PARTNER, SECRET, now + 400),
                http.postCase(body, "someone-else", SECRET, now),
                http.postCaseRaw(body, PARTNER, Long.toString(now), null),
                http.postCaseRaw(body, PARTNER, Instant.now().toString(),
                        HotlineSignature.sign(SECRET, Instant.now().toString(), body)),
                // Signed for another body: a tampered request.
                http.postCaseRaw(json(hotlineCase(caseNo(), phone(), "x", "X")), PARTNER, Long.toString(now),
                        HotlineSignature.sign(SECRET, Long.toString(now), body)));
        for (HotlineHttp.Response r : refused) {
            assertThat(r.status()).as("%s", r.body()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(refused.stream().map(r -> r.body().path("reason").asString()).toList()).containsExactly(
                "BAD_SIGNATURE", "EXPIRED", "EXPIRED", "UNKNOWN_PARTNER", "MISSING", "BAD_TIMESTAMP", "BAD_SIGNATURE");
        assertThat(stored()).isEqualTo(before);

        String ts = Long.toString(now);
        String sig = HotlineSignature.sign(SECRET, ts, body);
        assertThat(http.postCaseRaw(body, PARTNER, ts, sig).status()).isEqualTo(201);
        long afterFirst = stored();
        assertThat(afterFirst).isEqualTo(before + 2);
        HotlineHttp.Response replay = http.postCaseRaw(body, PARTNER, ts, sig);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body().path("reason").asString()).isEqualTo("REPLAYED");
        assertThat(stored()).isEqualTo(afterFirst);
    }

    /** Found by the reliability suite's hostile corpus: signed deliveries it refused still changed the database. */
    @Test
    void aRefusedSignedDeliveryLeavesNothingBehind() {
        long signaturesBefore = database.getCollection(HotlineStore.SIGNATURES).countDocuments();
        long before = stored();
        var farFuture = hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS");
        farFuture.put("receivedAt", "+999999999-12-31T23:59:59Z");
        var farDeadline = hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS");
        farDeadline.put("deadline", "+999999999-12-31T23:59:59Z");
        var junkCategory = hotlineCase(caseNo(), phone(), "路灯不亮", "'; return true; var x='");
        var unknownDistrict = hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS");
        unknownDistrict.remove("lat");
        unknownDistrict.remove("lon");
        unknownDistrict.put("districtCode", "XX");

        Map<String, HotlineHttp.Response> refused = new java.util.LinkedHashMap<>();
        refused.put("receivedAt", http.postCase(farFuture));
        refused.put("deadline", http.postCase(farDeadline));
        refused.put("categoryCode", http.postCase(junkCategory));
        refused.put("districtCode", http.postCase(unknownDistrict));
        refused.forEach((field, r) -> {
            assertThat(r.status()).as("%s %s", field, r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body().toString()).contains(field);
        });
        HotlineHttp.Response xml = http.postCaseAs(json(hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS")),
                "application/xml");
        assertThat(xml.status()).as("%s", xml.body()).isEqualTo(415);

        assertThat(stored()).isEqualTo(before);
        assertThat(database.getCollection(HotlineStore.SIGNATURES).countDocuments()).isEqualTo(signaturesBefore);
    }

    @Test
    void invalidCasesAre400NamingTheField() {
        var missing = hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS");
        missing.remove("caseNo");
        HotlineHttp.Response r = http.postCase(missing);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("caseNo");

        var badPhone = hotlineCase(caseNo(), "call me", "路灯不亮", "JTYS-DLSS");
        r = http.postCase(badPhone);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("callerPhone");

        var badTime = hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS");
        badTime.put("receivedAt", "yesterday");
        r = http.postCase(badTime);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("receivedAt");

        var deadlineBeforeReceipt = hotlineCase(caseNo(), phone(), "路灯不亮", "JTYS-DLSS");
        deadlineBeforeReceipt.put("deadline", Instant.now().minusSeconds(3600).toString());
        r = http.postCase(deadlineBeforeReceipt);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("deadline");
    }

    @Test
    void theHotlinesUrgencyAndDeadlineHoldTheTicketToTheStricterPromise() {
        String caseNo = caseNo();
        var body = hotlineCase(caseNo, phone(), "井盖缺失，有人掉落风险", "JTYS-DLSS");
        body.put("urgency", "VERY_URGENT");
        Instant promised = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        body.put("deadline", promised.toString());
        HotlineHttp.Response created = http.postCase(body);
        assertThat(created.status()).isEqualTo(201);

        JsonNode ticket = http.ticket(created.body().path("ticketId").asString());
        assertThat(ticket.path("urgency").asString()).isEqualTo("VERY_URGENT");
        assertThat(Instant.parse(ticket.path("promisedBy").asString())).isEqualTo(promised);
        assertThat(Instant.parse(ticket.path("solution").path("dueAt").asString()))
                .as("ten minutes is stricter than any category's working-time deadline").isEqualTo(promised);

        var normal = hotlineCase(caseNo(), phone(), "道路破损", "JTYS-DLSS");
        JsonNode ordinary = http.ticket(http.postCase(normal).body().path("ticketId").asString());
        var urgent = hotlineCase(caseNo(), phone(), "道路塌陷", "JTYS-DLSS");
        urgent.put("urgency", "URGENT");
        JsonNode hurried = http.ticket(http.postCase(urgent).body().path("ticketId").asString());
        assertThat(Instant.parse(hurried.path("firstResponse").path("dueAt").asString()))
                .isBefore(Instant.parse(ordinary.path("firstResponse").path("dueAt").asString()));
        assertThat(ordinary.hasNonNull("promisedBy")).isFalse();
    }

    @Test
    void aRetriedDeliveryGivesOneTicketEvenWhenRacing() throws Exception {
        String caseNo = caseNo();
        var body = hotlineCase(caseNo, phone(), "小区门口井盖缺失，非常危险", "JTYS-DLSS");
        HotlineHttp.Response first = http.postCase(body);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.body().path("outcome").asString()).isEqualTo("CREATED");
        assertThat(first.body().path("callerPhone").asString()).contains("****");
        assertThat(first.body().path("callerName").asString()).isEqualTo("王**");
        assertThat(first.body().path("categoryCode").asString()).isEqualTo("roads");
        HotlineHttp.Response retry = http.postCase(body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("outcome").asString()).isEqualTo("RETRY");
        assertThat(retry.body().path("ticketId").asString()).isEqualTo(first.body().path("ticketId").asString());
        assertThat(database.getCollection("tickets").countDocuments(Filters.eq("sourceRef", caseNo))).isEqualTo(1);

        // Several deliveries of a new case at once: one ticket, exactly one 201.
        String racing = caseNo();
        var racingBody = hotlineCase(racing, phone(), "夜间施工噪音扰民", "CSGL-ZSRM");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HotlineHttp.Response>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit((Callable<HotlineHttp.Response>) () -> http.postCase(racingBody)));
        }
        List<HotlineHttp.Response> responses = new ArrayList<>();
        for (var f : results) {
            responses.add(f.get());
        }
        pool.shutdown();
        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        assertThat(responses.stream().map(r -> r.body().path("ticketId").asString()).distinct().count()).isEqualTo(1);
        assertThat(database.getCollection("tickets").countDocuments(Filters.eq("sourceRef", racing))).isEqualTo(1);
    }

    @Test
    void aCaseWhoseFirstAttemptDiedAfterMakingTheTicketStillGetsARatingToken() {
        String caseNo = caseNo();
        // What a crash between the ticket's insert and the case record leaves: a hotline ticket, no case.
        var orphan = tickets.create(new TicketService.Intake(HotlineIntake.CHANNEL, caseNo,
                null, "路灯不亮", "路灯不亮", null, HotlineHttp.JJL_LAT, HotlineHttp.JJL_LON, null, null, null, null,
                null, null, "roads", null), Actor.system("hotline:hotline-12345"));

        HotlineHttp.Response retried = http.postCase(hotlineCase(caseNo, phone(), "路灯不亮", "JTYS-DLSS"));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().path("ticketId").asString()).isEqualTo(orphan.ticket().id);
        String token = retried.body().path("ratingToken").asString();
        assertThat(token).isNotBlank().isNotEqualTo(orphan.ratingToken());
        assertThat(database.getCollection("tickets").find(Filters.eq("_id", orphan.ticket().id)).first()
                .getString("ratingTokenHash")).isEqualTo(RatingTokens.hash(token));
    }

    @Test
    void anUpdateToAKnownCaseIsAppendedToItsTicket() {
        String caseNo = caseNo();
        var body = hotlineCase(caseNo, phone(), "小区垃圾无人清运", "CSGL-LJQY");
        String ticketId = http.postCase(body).body().path("ticketId").asString();
        body.put("content", "市民再次来电：垃圾已堆放三天，气味很大");
        body.put("urgency", "URGENT");
        HotlineHttp.Response update = http.postCase(body);
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.body().path("outcome").asString()).isEqualTo("UPDATED");
        assertThat(update.body().path("ticketId").asString()).isEqualTo(ticketId);
        // The same update delivered again is a retry, not a second note.
        assertThat(http.postCase(body).body().path("outcome").asString()).isEqualTo("RETRY");

        JsonNode ticket = http.ticket(ticketId);
        List<String> notes = new ArrayList<>();
        ticket.path("history").forEach(h -> {
            if ("hotline-update".equals(h.path("action").asString())) {
                notes.add(h.path("comment").asString());
            }
        });
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).contains("垃圾已堆放三天").contains("URGENT");
        assertThat(ticket.path("description").asString()).isEqualTo("小区垃圾无人清运");
        assertThat(database.getCollection("tickets").countDocuments(Filters.eq("sourceRef", caseNo))).isEqualTo(1);
    }

    @Test
    void anUnmappedCategoryWaitsForADispatcherAndTheMappingIsEditable() {
        String code = "XX-" + UUID.randomUUID().toString().substring(0, 8);
        HotlineHttp.Response r = http.postCase(hotlineCase(caseNo(), phone(), "楼道里堆满杂物", code));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("categoryMapped").asBoolean()).isFalse();
        assertThat(r.body().path("ticketStatus").asString()).isEqualTo("REPORTED");
        JsonNode ticket = http.ticket(r.body().path("ticketId").asString());
        assertThat(ticket.path("categoryCode").asString()).isEqualTo("other");
        assertThat(ticket.path("history").toString()).contains("hotline-unclassified").contains(code);

        assertThat(http.staff("PUT", "/intake/hotline/category-mappings/" + code, "dispatcher", "TY", null,
                Map.of("categoryCode", "property-management")).status()).isEqualTo(403);
        HotlineHttp.Response bad = http.admin("PUT", "/intake/hotline/category-mappings/" + code,
                Map.of("categoryCode", "no-such-category"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("categoryCode");
        assertThat(http.admin("PUT", "/intake/hotline/category-mappings/" + code,
                Map.of("categoryCode", "property-management", "nameZh", "物业-楼道杂物")).status()).isEqualTo(200);

        HotlineHttp.Response mapped = http.postCase(hotlineCase(caseNo(), phone(), "楼道里堆满杂物", code));
        assertThat(mapped.body().path("categoryMapped").asBoolean()).isTrue();
        assertThat(mapped.body().path("categoryCode").asString()).isEqualTo("property-management");
    }

    @Test
    void aRepeatCallerWithTheSameContentIsMergedIntoTheOpenTicket() {
        String phone = phone();
        HotlineHttp.Response first = http.postCase(hotlineCase(caseNo(), phone, "金鸡岭路 88 号门前积水严重，无法通行！",
                "JTYS-DLSS"));
        String ticketId = first.body().path("ticketId").asString();
        String repeatNo = caseNo();
        String formatted = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        HotlineHttp.Response repeat = http.postCase(hotlineCase(repeatNo, formatted,
                "金鸡岭路88号门前积水严重, 无法通行", "JTYS-DLSS"));
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body().path("outcome").asString()).isEqualTo("MERGED");
        assertThat(repeat.body().path("ticketId").asString()).isEqualTo(ticketId);
        assertThat(database.getCollection("tickets").countDocuments(Filters.eq("sourceRef", repeatNo))).isZero();
        assertThat(http.ticket(ticketId).path("history").toString()).contains("hotline-merge").contains(repeatNo);

        // Someone else saying the same thing is a separate ticket (for the dispatcher's duplicate check).
        HotlineHttp.Response other = http.postCase(hotlineCase(caseNo(), phone(), "金鸡岭路 88 号门前积水严重，无法通行！",
                "JTYS-DLSS"));
        assertThat(other.body().path("outcome").asString()).isEqualTo("CREATED");
        assertThat(other.body().path("ticketId").asString()).isNotEqualTo(ticketId);
    }

    @Test
    void casesStoredBeforeTheCallerLookupExistedStillMergeARepeatCall() {
        String phone = phone();
        String content = "三亚湾路 12 号路灯不亮";
        String ticketId = http.postCase(hotlineCase(caseNo(), phone, content, "JTYS-DLSS")).body().path("ticketId")
                .asString();
        database.getCollection(HotlineStore.CALLERS).drop();
        new HotlineStore(database, Duration.ofSeconds(10)); // a restart of the service: it fills the lookup from the cases
        HotlineHttp.Response repeat = http.postCase(hotlineCase(caseNo(), phone, content, "JTYS-DLSS"));
        assertThat(repeat.body().path("outcome").asString()).isEqualTo("MERGED");
        assertThat(repeat.body().path("ticketId").asString()).isEqualTo(ticketId);
    }
}
