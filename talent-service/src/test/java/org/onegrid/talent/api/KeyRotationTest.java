package org.onegrid.talent.api;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.talent.store.CryptoProperties;
import org.onegrid.talent.store.PersonalDataCipher;
import org.onegrid.talent.store.TalentStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Autowired;

class KeyRotationTest extends IntegrationTestBase {

    @Autowired
    MongoDatabase db;

    @Autowired
    CryptoProperties configured;

    @Value("${onegrid.talent.crypto.keys.local-1}")
    String oldKey;

    @Test
    void afterRotationStoredValuesAreReEncryptedWithTheNewKeyAndStillFoundByIdNumber() {
        String idNumber = idNumber();
        String phone = phone();
        String talentId = register(registration(idNumber, phone, Map.of())).body().get("id").asString();

        // The next deployment: a new active key, the old one still listed so existing values can be read.
        String newKey = Base64.getEncoder().encodeToString("a-fresh-256-bit-key-for-rotation".getBytes());
        var rotated = new PersonalDataCipher(new CryptoProperties(Map.of("local-1", oldKey, "k-2027", newKey),
                "k-2027", configured.hashKey()));
        TalentStore afterRotation = new TalentStore(db, rotated);
        int total = 0;
        int pass;
        while ((pass = afterRotation.reencrypt(500)) > 0) {
            total += pass;
        }

        assertThat(total).isPositive();
        Document raw = db.getCollection(TalentStore.COLLECTION).find(eq("_id", talentId)).first();
        assertThat(raw.getString("idNumber")).startsWith("k-2027:");
        assertThat(raw.getString("phone")).startsWith("k-2027:");
        assertThat(raw.toJson()).doesNotContain(idNumber).doesNotContain(phone);
        assertThat(rotated.decrypt("idNumber", raw.getString("idNumber"))).isEqualTo(idNumber);
        var found = afterRotation.findByIdNumber(idNumber).orElseThrow();
        assertThat(afterRotation.decryptPhone(found)).isEqualTo(phone);

        // Put things back for the running service, which only knows local-1.
        var original = new PersonalDataCipher(new CryptoProperties(Map.of("local-1", oldKey, "k-2027", newKey),
                "local-1", configured.hashKey()));
        TalentStore back = new TalentStore(db, original);
        while (back.reencrypt(500) > 0) {
            // next batch
        }
        assertThat(get("/talent/talents/" + talentId, "talent", talentId).body().get("phone").asString())
                .isEqualTo(phone);
        assertThat(post("/talent/admin/reencrypt", "talent", talentId, null).status()).isEqualTo(403);
        assertThat(post("/talent/admin/reencrypt", "admin", "a", null).body().get("reencrypted").asInt()).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheTalentEndpoints() {
        Response docs = get("/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("/talent/talents", "/talent/needs/{id}/candidates",
                "/talent/proposals/{id}/accept", "/talent/presence/monthly");
    }
}
