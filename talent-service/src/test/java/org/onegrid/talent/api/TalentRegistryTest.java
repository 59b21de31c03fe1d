package org.onegrid.talent.api;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.TalentStore;
import org.onegrid.talent.domain.District;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TalentRegistryTest extends IntegrationTestBase {

    @Autowired
    MongoDatabase db;

    @Autowired
    LiaisonStore liaisons;

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void neitherTheIdNumberNorThePhoneIsStoredPublishedOrLoggedInPlain(CapturedOutput output) {
        String unit = unique("unit-hospital");
        liaisons.upsert(new LiaisonStore.Liaison(unique("liaison"), "李联络", unit, "三亚市人民医院", District.JY, 5, 0));
        String idNumber = idNumber();
        String phone = phone();
        Response registered = register(registration(idNumber, phone, Map.of("category", "HIGH_LEVEL",
                "highLevelClass", "B", "unitId", unit)));
        String talentId = registered.body().get("id").asString();
        certify(talentId, null);

        Document raw = db.getCollection(TalentStore.COLLECTION).find(eq("_id", talentId)).first();
        String rawJson = raw.toJson();
        assertThat(rawJson).doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 14))
                .doesNotContain(phone).doesNotContain(phone.substring(3));
        assertThat(raw.getString("idNumber")).startsWith("local-1:");
        assertThat(raw.getString("idHash")).hasSize(64);
        assertThat(raw.getString("phoneMasked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        List<ConsumerRecord<String, String>> events = talentEvents(r -> talentId.equals(r.key()));
        assertThat(events).extracting(IntegrationTestBase::type).containsExactly("onegrid.talent.registered.v1",
                "onegrid.talent.certified.v1", "onegrid.talent.liaison-assigned.v1");
        assertThat(events).allSatisfy(e -> assertThat(e.value()).doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(0, 14)).doesNotContain(phone).doesNotContain(phone.substring(3))
                .doesNotContain("王建国").doesNotContain("wang@example.org"));
        assertThat(events.get(1).value()).contains("\"highLevelClass\":\"B\"").contains("medicine/cardiology");

        assertThat(output.getAll()).contains("Talent " + talentId + " registered")
                .doesNotContain(idNumber).doesNotContain(phone);
    }

    @Test
    void thePhoneIsShownInFullOnlyToTheTalentAndTheirLiaisonAndTheIdNumberToNobody() {
        String unit = unique("unit-school");
        String liaisonId = unique("liaison");
        liaisons.upsert(new LiaisonStore.Liaison(liaisonId, "陈联络", unit, "三亚市第一中学", District.TY, 5, 0));
        String idNumber = idNumber();
        String phone = phone();
        String talentId = register(registration(idNumber, phone, Map.of("category", "HIGH_LEVEL",
                "highLevelClass", "C", "unitId", unit, "district", "TY"))).body().get("id").asString();
        certify(talentId, null);

        JsonNode self = get("/talent/talents/" + talentId, "talent", talentId).body();
        JsonNode liaison = get("/talent/talents/" + talentId, "liaison", liaisonId).body();
        JsonNode otherTalent = get("/talent/talents/" + talentId, "talent", "someone-else").body();
        JsonNode otherLiaison = get("/talent/talents/" + talentId, "liaison", "liaison-other").body();
        JsonNode admin = get("/talent/talents/" + talentId, "admin", "admin-1").body();

        assertThat(self.get("phone").asString()).isEqualTo(phone);
        assertThat(liaison.get("phone").asString()).isEqualTo(phone);
        for (JsonNode masked : List.of(otherTalent, otherLiaison, admin)) {
            assertThat(masked.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        }
        for (JsonNode any : List.of(self, liaison, otherTalent, admin)) {
            assertThat(any.get("idNumber").asString()).isEqualTo("**************" + idNumber.substring(14));
            assertThat(any.toString()).doesNotContain(idNumber);
        }
    }

    @Test
    void theSameIdNumberCannotRegisterTwiceEvenWrittenDifferently() {
        String idNumber = idNumber();
        register(registration(idNumber, phone(), Map.of()));

        Response again = post("/talent/talents", "talent", null,
                registration(idNumber.toLowerCase(), phone(), Map.of()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).doesNotContain(idNumber);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Response badId = post("/talent/talents", "talent", null, registration("12345", phone(), Map.of()));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");

        Response unknownTag = post("/talent/talents", "talent", null,
                registration(idNumber(), phone(), Map.of("expertise", List.of("astrology"))));
        assertThat(unknownTag.status()).isEqualTo(400);
        assertThat(unknownTag.body().get("errors").get(0).get("field").asString()).isEqualTo("expertise");

        Response noClass = post("/talent/talents", "talent", null,
                registration(idNumber(), phone(), Map.of("category", "HIGH_LEVEL")));
        assertThat(noClass.status()).isEqualTo(400);
        assertThat(noClass.body().get("errors").get(0).get("field").asString()).isEqualTo("highLevelClass");

        assertThat(post("/talent/talents", "reviewer", "r", registration(idNumber(), phone(), Map.of())).status())
                .isEqualTo(403);
        assertThat(get("/talent/talents?size=1000", null, null).status()).isEqualTo(400);
    }

    @Test
    void certificationKeepsItsHistoryAndIsDecidedOnlyByAReviewer() {
        String talentId = register(registration(idNumber(), phone(), Map.of("category", "HIGH_LEVEL",
                "highLevelClass", "B", "district", "YC"))).body().get("id").asString();
        String path = "/talent/talents/" + talentId + "/review";

        assertThat(post(path, "talent", talentId, Map.of("decision", "CERTIFY", "reason", "self")).status())
                .isEqualTo(403);
        Response rejected = post(path, "reviewer", "reviewer-1", Map.of("decision", "REJECT",
                "reason", "缺少代表性成果证明"));
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        Response certified = post(path, "reviewer", "reviewer-2", Map.of("decision", "CERTIFY",
                "highLevelClass", "C", "reason", "补充材料后符合C类"));
        assertThat(certified.status()).isEqualTo(200);
        JsonNode body = certified.body();
        assertThat(body.get("status").asString()).isEqualTo("CERTIFIED");
        assertThat(body.get("highLevelClass").asString()).isEqualTo("C");
        JsonNode reviews = body.get("reviews");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).get("toStatus").asString()).isEqualTo("REJECTED");
        assertThat(reviews.get(0).get("reviewer").asString()).isEqualTo("reviewer-1");
        assertThat(reviews.get(1).get("fromStatus").asString()).isEqualTo("REJECTED");
        assertThat(reviews.get(1).get("reason").asString()).isEqualTo("补充材料后符合C类");

        Response again = post(path, "reviewer", "reviewer-3", Map.of("decision", "REJECT", "reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("CERTIFIED");
    }

    @Test
    void settlementAndHousingSubsidyApplicationsAreCasesWithStatus() {
        String talentId = register(registration(idNumber(), phone(), Map.of())).body().get("id").asString();
        JsonNode opened = post("/talent/talents/" + talentId + "/cases", "talent", talentId,
                Map.of("kind", "HOUSING_SUBSIDY", "note", "申请住房补贴")).body();
        String caseId = opened.get("cases").get(0).get("caseId").asString();
        assertThat(post("/talent/talents/" + talentId + "/cases", "talent", talentId,
                Map.of("kind", "HOUSING_SUBSIDY")).status()).isEqualTo(409);

        JsonNode approved = post("/talent/talents/" + talentId + "/cases/" + caseId + "/decision", "reviewer", "r1",
                Map.of("status", "APPROVED", "note", "符合条件")).body();
        assertThat(approved.get("cases").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("cases").get(0).get("history")).hasSize(2);

        Response late = post("/talent/talents/" + talentId + "/cases/" + caseId + "/decision", "reviewer", "r1",
                Map.of("status", "REJECTED"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("currentState").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aTalentRegisteringThemselvesIsKnownByTheirAccountAndCannotRegisterTwice() {
        String account = unique("talent-account");
        String phone = phone();
        Response self = post("/talent/talents", "talent", account, registration(idNumber(), phone, Map.of()));

        assertThat(self.status()).isEqualTo(201);
        assertThat(self.body().get("id").asString()).isEqualTo(account);
        assertThat(self.body().get("registeredBy").asString()).isEqualTo("SELF");
        assertThat(self.body().get("phone").asString()).isEqualTo(phone);
        Response twice = post("/talent/talents", "talent", account, registration(idNumber(), phone(), Map.of()));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aTalentUpdatesTheirProfileWithAVersionCheckAndTheNewPhoneIsEncryptedToo() {
        String account = unique("talent-account");
        JsonNode created = post("/talent/talents", "talent", account, registration(idNumber(), phone(), Map.of()))
                .body();
        String newPhone = phone();
        long version = created.get("version").asLong();
        Map<String, Object> change = Map.of("version", version, "phone", newPhone,
                "expertise", List.of("medicine/geriatrics"), "modes", List.of("CONSULTING"));

        assertThat(call("PUT", "/talent/talents/" + account + "/profile", "talent", "someone-else", change).status())
                .isEqualTo(403);
        Response updated = call("PUT", "/talent/talents/" + account + "/profile", "talent", account, change);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("phone").asString()).isEqualTo(newPhone);
        assertThat(updated.body().get("expertise").get(0).asString()).isEqualTo("medicine/geriatrics");
        Response stale = call("PUT", "/talent/talents/" + account + "/profile", "talent", account, change);
        assertThat(stale.status()).isEqualTo(409);

        Document raw = db.getCollection(TalentStore.COLLECTION).find(eq("_id", account)).first();
        assertThat(raw.toJson()).doesNotContain(newPhone).doesNotContain(newPhone.substring(3));
        assertThat(ids("/talent/talents?tag=medicine/geriatrics&category=MIGRATORY&size=100")).contains(account);
    }

    private List<String> ids(String path) {
        return get(path, null, null).body().get("items").valueStream().map(t -> t.get("id").asString()).toList();
    }
}
