package org.onegrid.talent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.onegrid.platform.service.DemoData;
import org.onegrid.talent.store.LiaisonStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DemoDataTest extends IntegrationTestBase {

    @Autowired
    List<DemoData> demoData;

    @Autowired
    MongoDatabase db;

    @Test
    void loadsSanyaDemoDataOnceAndARepeatChangesNothing() {
        DemoData talent = demoData.stream().filter(d -> d.name().equals("talent")).findFirst().orElseThrow();
        Map<String, Long> first = talent.load(db);
        Map<String, Long> second = talent.load(db);

        assertThat(second).isEqualTo(first);
        assertThat(db.getCollection(LiaisonStore.COLLECTION).countDocuments()).isGreaterThanOrEqualTo(130);
        JsonNode units = get("/talent/units?size=100&page=0", null, null).body();
        assertThat(units.get("total").asLong()).isGreaterThanOrEqualTo(120);
        assertThat(units.get("items")).hasSize(100);
        JsonNode hospital = units.get("items").get(0);
        assertThat(hospital.get("unitId").asString()).isEqualTo("unit-001");
        assertThat(hospital.get("unitName").asString()).isEqualTo("三亚市人民医院");
        assertThat(hospital.get("liaisons").asInt()).isEqualTo(2);
        assertThat(hospital.get("capacity").asInt()).isEqualTo(60);
        JsonNode damao = get("/talent/needs/need-damao-clinic", null, null).body();
        assertThat(damao.get("postedByName").asString()).isEqualTo("大茅村");
        JsonNode candidates = get("/talent/needs/need-damao-clinic/candidates", null, null).body();
        assertThat(candidates.size()).isPositive();
        JsonNode winter = get("/talent/talents?category=MIGRATORY&status=CERTIFIED&size=100", null, null).body();
        assertThat(winter.get("total").asLong()).isGreaterThanOrEqualTo(4);
        JsonNode summer = get("/talent/needs/need-hospital-summer/candidates?includeIneligible=true", null, null)
                .body();
        // The only paediatrician winters in Sanya (October–May), so she cannot take a July clinic.
        List<JsonNode> paediatricians = summer.valueStream()
                .filter(s -> s.get("components").get("expertise").get("value").asDouble() == 1.0).toList();
        assertThat(paediatricians).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("eligible").asBoolean()).isFalse();
            assertThat(s.get("exclusions").get(0).asString()).startsWith("not in Sanya");
        });
    }
}
