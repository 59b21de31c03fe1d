package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.center.CenterEvents;
import tools.jackson.databind.JsonNode;

class VisitApiTest extends CenterIntegrationTest {

    @Test
    void aRetriedVisitCountsOnceAndIsAnnounced() {
        String center = createCenter(18.2601, 109.5152);
        String requestId = UUID.randomUUID().toString();
        Response first = post("/centers/" + center + "/visits",
                Map.of("requestId", requestId, "purpose", "FIRST_AID", "visitors", 2));
        Response retry = post("/centers/" + center + "/visits",
                Map.of("requestId", requestId, "purpose", "FIRST_AID", "visitors", 2));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        post("/centers/" + center + "/visits", Map.of("purpose", "READING"));

        JsonNode stats = get("/centers/" + center + "/stats").body();
        assertThat(stats.get("visitorsByPurpose").get("FIRST_AID").asLong()).isEqualTo(2);
        assertThat(stats.get("visitorsByPurpose").get("READING").asLong()).isEqualTo(1);
        assertThat(stats.get("servedCount").asLong()).isEqualTo(3);

        String visitId = first.body().get("visitId").asString();
        var events = centerEvents(visitId, e -> true, 1);
        assertThat(events).hasSize(1);
        var recorded = EventCodec.payload(events.get(0), CenterEvents.VISIT_RECORDED);
        assertThat(recorded.visitors()).isEqualTo(2);
        assertThat(recorded.purpose()).isEqualTo("FIRST_AID");

        Response badPurpose = post("/centers/" + center + "/visits", Map.of("purpose", "随便"));
        assertThat(badPurpose.status()).isEqualTo(400);
        assertThat(badPurpose.body().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
    }

    @Test
    void volunteerHoursAddUpPerPersonAndPerCentre() {
        String a = createCenter(18.2601, 109.5152);
        String b = createCenter(18.2836, 109.4670);
        String volunteer = "vol-" + UUID.randomUUID();
        Response logged = post("/centers/" + a + "/volunteer-hours",
                Map.of("personId", volunteer, "hours", 2.5, "servedPeople", 30));
        assertThat(logged.status()).isEqualTo(201);
        post("/centers/" + a + "/volunteer-hours", Map.of("personId", volunteer, "hours", 1.5, "servedPeople", 10));
        post("/centers/" + b + "/volunteer-hours", Map.of("personId", volunteer, "hours", 3));

        JsonNode perCentre = get("/centers/volunteers/" + volunteer + "/hours").body();
        assertThat(perCentre).hasSize(2);
        JsonNode atA = perCentre.get(0).get("key").asString().equals(a) ? perCentre.get(0) : perCentre.get(1);
        assertThat(atA.get("hours").asDouble()).isEqualTo(4.0);
        assertThat(atA.get("servedPeople").asLong()).isEqualTo(40);
        assertThat(get("/centers/" + b + "/volunteer-hours").body().get(0).get("hours").asDouble()).isEqualTo(3.0);

        var events = centerEvents(logged.body().get("entryId").asString(), e -> true, 1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CenterEvents.VOLUNTEER_HOURS_LOGGED.type());
            assertThat(e.data().toString()).doesNotContain(volunteer);
        });
        assertThat(post("/centers/" + a + "/volunteer-hours", Map.of("personId", volunteer, "hours", 30))
                .status()).isEqualTo(400);
    }

    @Test
    void aPartyMemberReportsToACommunityOnce() {
        String center = createCenter(18.2601, 109.5152);
        Map<String, Object> body = Map.of("personId", "pm-1", "partyBranch", "市直机关第一党支部");
        assertThat(post("/centers/" + center + "/party-reports", body).status()).isEqualTo(201);
        assertThat(post("/centers/" + center + "/party-reports", body).status()).isEqualTo(200);
        assertThat(get("/centers/" + center + "/party-reports").body()).hasSize(1);
        assertThat(get("/centers/" + center + "/stats").body().get("partyMembersReported").asLong()).isEqualTo(1);
    }
}
