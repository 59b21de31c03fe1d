package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.center.store.WishStore;
import org.onegrid.events.center.CenterEvents;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class WishApiTest extends CenterIntegrationTest {

    @Autowired
    WishStore wishStore;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private String batch(LocalDate endsOn) {
        Response r = post("/centers/wish-batches", Map.of("theme", "温情六一困境儿童微心愿", "startsOn", today.toString(),
                "endsOn", endsOn.toString(), "maxValueYuan", 200));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private JsonNode wish(String batchId, String centerId) {
        Response r = post("/centers/wish-batches/" + batchId + "/wishes", Map.of("centerId", centerId,
                "category", "STUDY", "description", "想要一个新书包，联系妈妈13812345678", "valueYuan", 120,
                "requesterName", "张小明", "requesterPhone", "13812345678"));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.body();
    }

    @Test
    void ofConcurrentClaimsExactlyOneSucceedsTheRestGet409() {
        String center = createCenter(18.2836, 109.4670);
        String wishId = wish(batch(today.plusDays(7)), center).get("id").asString();
        List<HttpRequest> claims = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            claims.add(postRequest("/centers/wishes/" + wishId + "/claim",
                    Map.of("claimantId", "member-" + i, "claimantType", i % 2 == 0 ? "PARTY_MEMBER" : "VOLUNTEER")));
        }
        List<Response> responses = concurrently(claims);

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(11)
                .allSatisfy(r -> assertThat(r.body().get("state").asString()).isEqualTo("CLAIMED"));
        assertThat(get("/centers/wishes/" + wishId).body().get("status").asString()).isEqualTo("CLAIMED");
        assertThat(centerEvents(wishId, e -> e.type().equals(CenterEvents.WISH_CLAIMED.type()), 1)).hasSize(1);
    }

    @Test
    void theRequesterIsMaskedAndAWishGoesFromClaimToConfirmation() {
        String center = createCenter(18.2836, 109.4670);
        String batchId = batch(today.plusDays(7));
        JsonNode posted = wish(batchId, center);
        String wishId = posted.get("id").asString();
        assertThat(posted.get("requester").asString()).isEqualTo("张**");
        assertThat(posted.toString()).doesNotContain("张小明").doesNotContain("13812345678");

        JsonNode open = get("/centers/wishes?batchId=" + batchId).body();
        assertThat(open.get("total").asLong()).isEqualTo(1);
        assertThat(open.toString()).doesNotContain("张小明").doesNotContain("13812345678");

        post("/centers/wishes/" + wishId + "/claim", Map.of("claimantId", "m-1", "claimantType", "PARTY_MEMBER"));
        assertThat(get("/centers/wishes?batchId=" + batchId).body().get("total").asLong()).isZero();
        Response wrongPerson = post("/centers/wishes/" + wishId + "/fulfil", Map.of("claimantId", "m-2", "note", "x"));
        assertThat(wrongPerson.status()).isEqualTo(409);
        Response early = post("/centers/wishes/" + wishId + "/confirm", Map.of("staffId", "staff-1"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("state").asString()).isEqualTo("CLAIMED");

        Response fulfilled = post("/centers/wishes/" + wishId + "/fulfil",
                Map.of("claimantId", "m-1", "note", "书包已送到家"));
        assertThat(fulfilled.body().get("status").asString()).isEqualTo("FULFILLED");
        Response confirmed = post("/centers/wishes/" + wishId + "/confirm", Map.of("staffId", "staff-1"));
        assertThat(confirmed.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(post("/centers/wishes/" + wishId + "/confirm", Map.of("staffId", "staff-1")).status())
                .isEqualTo(409);

        var events = centerEvents(wishId, e -> true, 3);
        assertThat(events).extracting(e -> e.type()).containsExactly(CenterEvents.WISH_POSTED.type(),
                CenterEvents.WISH_CLAIMED.type(), CenterEvents.WISH_FULFILLED.type());
        assertThat(events).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("张").doesNotContain("13812345678"));
    }

    @Test
    void aWishAboveTheBatchLimitIsRejected() {
        String center = createCenter(18.2836, 109.4670);
        Response r = post("/centers/wish-batches/" + batch(today) + "/wishes", Map.of("centerId", center,
                "category", "DAILY", "description", "电饭煲", "valueYuan", 500, "requesterName", "李四"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("valueYuan");
    }

    @Test
    void unclaimedWishesExpireWhenTheBatchEndsOnce() {
        String center = createCenter(18.2836, 109.4670);
        String wishId = wish(batch(today), center).get("id").asString();
        var afterTheBatch = java.time.Instant.now().plus(Duration.ofDays(2));

        assertThat(wishStore.expireDue(afterTheBatch)).isPositive();
        assertThat(wishStore.expireDue(afterTheBatch)).isZero();
        assertThat(get("/centers/wishes/" + wishId).body().get("status").asString()).isEqualTo("EXPIRED");
        Response late = post("/centers/wishes/" + wishId + "/claim",
                Map.of("claimantId", "m-9", "claimantType", "VOLUNTEER"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("state").asString()).isEqualTo("EXPIRED");
        assertThat(centerEvents(wishId, e -> e.type().equals(CenterEvents.WISH_EXPIRED.type()), 1)).hasSize(1);
    }
}
