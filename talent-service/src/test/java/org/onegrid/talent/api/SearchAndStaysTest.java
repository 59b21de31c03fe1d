package org.onegrid.talent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchAndStaysTest extends IntegrationTestBase {

    @Test
    void searchFiltersByTagCategoryDistrictAndPresenceAndPages() {
        String freeTag = unique("tag");
        for (int i = 0; i < 5; i++) {
            register(registration(idNumber(), phone(), Map.of("expertise", List.of("agriculture/seed-breeding"),
                    "freeTags", List.of(freeTag), "category", "MIGRATORY", "district", "YZ")));
        }
        register(registration(idNumber(), phone(), Map.of("freeTags", List.of(freeTag), "category", "GENERAL")));

        Set<String> ids = new HashSet<>();
        long total = -1;
        for (int page = 0; page < 3; page++) {
            JsonNode body = get("/talent/talents?tag=" + freeTag + "&category=MIGRATORY&page=" + page + "&size=2",
                    null, null).body();
            total = body.get("total").asLong();
            body.get("items").forEach(t -> ids.add(t.get("id").asString()));
            assertThat(body.get("items")).hasSize(page < 2 ? 2 : 1);
            body.get("items").forEach(t -> assertThat(t.get("phone").asString()).contains("****"));
        }
        assertThat(total).isEqualTo(5);
        assertThat(ids).hasSize(5);

        // A broader vocabulary tag finds the narrower one.
        JsonNode broad = get("/talent/talents?tag=agriculture&district=YZ&size=100", null, null).body();
        List<String> broadIds = broad.get("items").valueStream().map(t -> t.get("id").asString()).toList();
        assertThat(broadIds).containsAll(ids);
    }

    @Test
    void staysAnswerWhoIsInSanyaOnADayAndFeedTheTide() {
        String tag = "culture/li-miao-heritage";
        String winter = register(registration(idNumber(), phone(), Map.of("expertise", List.of(tag))))
                .body().get("id").asString();
        String other = register(registration(idNumber(), phone(), Map.of("expertise", List.of(tag))))
                .body().get("id").asString();
        Response started = post("/talent/talents/" + winter + "/stays", "talent", winter,
                Map.of("arrival", "2030-11-01", "departure", "2031-03-31", "district", "TY", "address", "海月广场旁"));
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        post("/talent/talents/" + other + "/stays", "station", "s", Map.of("arrival", "2030-12-20",
                "district", "HT"));
        Response overlap = post("/talent/talents/" + winter + "/stays", "talent", winter,
                Map.of("arrival", "2031-03-01", "district", "TY"));
        assertThat(overlap.status()).isEqualTo(400);

        assertThat(ids("/talent/talents?tag=" + tag + "&presentOn=2031-01-15&district=TY"))
                .contains(winter).doesNotContain(other);
        assertThat(ids("/talent/talents?tag=" + tag + "&presentOn=2031-01-15")).contains(winter, other);
        assertThat(ids("/talent/talents?tag=" + tag + "&presentOn=2031-06-15")).doesNotContain(winter)
                .contains(other);

        String stayId = started.body().get("stays").get(0).get("id").asString();
        Response ended = post("/talent/talents/" + winter + "/stays/" + stayId + "/end", "talent", winter,
                Map.of("departure", "2031-02-15"));
        assertThat(ended.body().get("stays").get(0).get("ended").asBoolean()).isTrue();
        assertThat(post("/talent/talents/" + winter + "/stays/" + stayId + "/end", "talent", winter,
                Map.of("departure", "2031-02-16")).status()).isEqualTo(409);
        assertThat(get("/talent/talents/" + winter, null, null).body().get("stays").get(0).get("address").isNull())
                .isTrue();

        JsonNode tide = get("/talent/presence/monthly?from=2030-10&to=2031-04", null, null).body();
        assertThat(tide).hasSize(7);
        assertThat(tide.get(0).get("month").asString()).isEqualTo("2030-10");
        assertThat(tide.get(3).get("byCategory").get("MIGRATORY").asLong())
                .isGreaterThanOrEqualTo(2).isGreaterThan(tide.get(0).get("byCategory").get("MIGRATORY").asLong());

        var events = talentEvents(r -> winter.equals(r.key()));
        assertThat(events.stream().map(IntegrationTestBase::type)).containsExactly("onegrid.talent.registered.v1",
                "onegrid.talent.stay-started.v1", "onegrid.talent.stay-ended.v1");
        assertThat(events.get(2).value()).contains("\"months\":[\"2030-11\",\"2030-12\",\"2031-01\",\"2031-02\"]")
                .doesNotContain("海月广场");
    }

    private List<String> ids(String path) {
        Response r = get(path + "&size=100", null, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("items").valueStream().map(t -> t.get("id").asString()).toList();
    }
}
