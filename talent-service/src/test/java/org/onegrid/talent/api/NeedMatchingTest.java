package org.onegrid.talent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NeedMatchingTest extends IntegrationTestBase {

    private String certifiedResident(String tag, String mode) {
        String id = register(registration(idNumber(), phone(), Map.of("category", "SILVER_ELITE",
                "homeCity", "三亚", "expertise", List.of(tag), "modes", List.of(mode), "district", "JY")))
                .body().get("id").asString();
        certify(id, null);
        return id;
    }

    private String postNeed(String tag, int people, String from, String to, String mode) {
        Response need = post("/talent/needs", "unit", "unit-damao", Map.of("title", "大茅村 " + tag + " 服务",
                "description", "村民需求", "postedByKind", "VILLAGE", "postedByName", "大茅村",
                "requiredTags", List.of(tag), "district", "JY", "windowStart", from, "windowEnd", to,
                "peopleCount", people, "mode", mode));
        assertThat(need.status()).as(need.raw()).isEqualTo(201);
        return need.body().get("id").asString();
    }

    @Test
    void concurrentAcceptancesNeverOverFillANeed() {
        String needId = postNeed("education/music", 3, "2026-07-01", "2026-07-10", "TEACHING");
        List<String> proposals = new ArrayList<>();
        List<String> talents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String talent = certifiedResident("education/music", "TEACHING");
            talents.add(talent);
            Response p = post("/talent/needs/" + needId + "/proposals", "unit", "unit-damao",
                    Map.of("talentId", talent));
            assertThat(p.status()).as(p.raw()).isEqualTo(201);
            proposals.add(p.body().get(0).get("id").asString());
        }

        List<CompletableFuture<Response>> accepts = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            accepts.add(callAsync("POST", "/talent/proposals/" + proposals.get(i) + "/accept", "talent",
                    talents.get(i), null));
        }
        List<Integer> statuses = accepts.stream().map(CompletableFuture::join).map(Response::status).toList();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        JsonNode need = get("/talent/needs/" + needId, null, null).body();
        assertThat(need.get("accepted").asInt()).isEqualTo(3);
        assertThat(need.get("openPlaces").asInt()).isZero();
        JsonNode accepted = get("/talent/proposals?needId=" + needId + "&status=ACCEPTED", null, null).body();
        assertThat(accepted.get("total").asLong()).isEqualTo(3);
        assertThat(talentEvents(r -> needId.equals(r.key()) && type(r).equals("onegrid.talent.match-accepted.v1")))
                .hasSize(3);
    }

    @Test
    void theProposalLifeCycleEndsInTheProjectListWithARating() {
        String needId = postNeed("agriculture/tropical-fruit", 1, "2026-08-01", "2026-08-05", "PROJECT");
        String talent = certifiedResident("agriculture/tropical-fruit", "PROJECT");
        String proposal = post("/talent/needs/" + needId + "/proposals", "unit", "u", Map.of("talentId", talent))
                .body().get(0).get("id").asString();

        assertThat(post("/talent/proposals/" + proposal + "/accept", "talent", "another-talent", null).status())
                .isEqualTo(403);
        Response early = post("/talent/proposals/" + proposal + "/complete", "unit", "u", Map.of("rating", 5));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("currentState").asString()).isEqualTo("PROPOSED");

        assertThat(post("/talent/proposals/" + proposal + "/accept", "talent", talent, null).status()).isEqualTo(200);
        assertThat(post("/talent/proposals/" + proposal + "/confirm", "unit", "u", null).status()).isEqualTo(200);
        Response done = post("/talent/proposals/" + proposal + "/complete", "unit", "u",
                Map.of("rating", 4, "feedback", "芒果种植指导很实用"));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        assertThat(done.body().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.body().get("rating").asInt()).isEqualTo(4);
        assertThat(done.body().get("history")).hasSize(4);

        JsonNode t = get("/talent/talents/" + talent, "admin", "a").body();
        assertThat(t.get("ratingCount").asInt()).isEqualTo(1);
        assertThat(t.get("activeMatches").asInt()).isZero();
        assertThat(talentEvents(r -> needId.equals(r.key())).stream().map(IntegrationTestBase::type))
                .containsExactly("onegrid.talent.need-posted.v1", "onegrid.talent.match-proposed.v1",
                        "onegrid.talent.match-accepted.v1", "onegrid.talent.match-completed.v1");
    }

    @Test
    void candidatesExplainTheirScoreAndAWinterGuestIsNotOfferedForSummer() {
        String tag = "science/deep-sea";
        String resident = certifiedResident(tag, "LECTURE");
        String guest = register(registration(idNumber(), phone(), Map.of("expertise", List.of(tag),
                "modes", List.of("LECTURE")))).body().get("id").asString();
        certify(guest, null);
        assertThat(post("/talent/talents/" + guest + "/stays", "talent", guest, Map.of("arrival", "2025-11-01",
                "departure", "2026-04-20", "district", "TY", "address", "三亚湾路 1 号")).status()).isEqualTo(201);

        String winterNeed = postNeed(tag, 2, "2026-01-05", "2026-01-06", "LECTURE");
        String summerNeed = postNeed(tag, 2, "2026-06-10", "2026-06-11", "LECTURE");

        JsonNode winter = get("/talent/needs/" + winterNeed + "/candidates?limit=100", null, null).body();
        List<String> winterIds = new ArrayList<>();
        winter.forEach(s -> winterIds.add(s.get("talentId").asString()));
        assertThat(winterIds).contains(resident, guest);
        JsonNode first = winter.get(0);
        assertThat(first.get("components").get("expertise").get("why").asString()).contains(tag);
        assertThat(first.get("components").has("presence")).isTrue();

        JsonNode summer = get("/talent/needs/" + summerNeed + "/candidates?limit=100&includeIneligible=true", null,
                null).body();
        JsonNode guestScore = null;
        for (JsonNode s : summer) {
            if (s.get("talentId").asString().equals(guest)) {
                guestScore = s;
            }
        }
        assertThat(guestScore).isNotNull();
        assertThat(guestScore.get("eligible").asBoolean()).isFalse();
        assertThat(guestScore.get("exclusions").get(0).asString()).contains("not in Sanya");
        Response refused = post("/talent/needs/" + summerNeed + "/proposals", "unit", "u", Map.of("talentId", guest));
        assertThat(refused.status()).isEqualTo(409);

        // Proposing the top candidates twice proposes new people the second time, never the same one again.
        Response top = post("/talent/needs/" + winterNeed + "/proposals", "unit", "u", Map.of("top", 1));
        assertThat(top.status()).as(top.raw()).isEqualTo(201);
        assertThat(top.body().get(0).get("talentId").asString()).isEqualTo(winterIds.get(0));
        Response next = post("/talent/needs/" + winterNeed + "/proposals", "unit", "u", Map.of("top", 1));
        assertThat(next.body().get(0).get("talentId").asString()).isEqualTo(winterIds.get(1));
    }
}
