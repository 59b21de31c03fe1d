package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.center.domain.Center;
import org.onegrid.center.domain.GeoPoint;
import org.onegrid.center.domain.ServiceCircle;
import org.onegrid.center.domain.TravelMode;
import org.onegrid.center.domain.TravelModel;
import org.onegrid.center.store.CenterStore;
import org.onegrid.center.store.SanyaDemoData;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataTest extends CenterIntegrationTest {

    @Autowired
    MongoClient client;

    @Test
    void loadsTheSeedCentresInSanyaAndReloadsWithoutDuplicates() {
        MongoDatabase demo = client.getDatabase("center-demo-" + fresh("db"));
        var demoData = new SanyaDemoData(Clock.systemUTC());
        long first = demoData.load(demo).get("centers");
        long second = demoData.load(demo).get("centers");
        assertThat(first).isEqualTo(second).isGreaterThanOrEqualTo(20);

        List<Center> centers = new CenterStore(demo).allForCircle();
        assertThat(centers).extracting(Center::name).contains("三亚市党群服务中心", "三亚湾党群服务中心", "海棠区党群服务中心",
                "崖州湾科技城大社区综合服务中心", "中央商务区党群服务中心", "凤凰派出所党群服务中心", "金鸡岭小学党群服务站");
        assertThat(centers).allSatisfy(c -> {
            // Sanya's land area lies within these bounds.
            assertThat(c.location().lat()).isBetween(18.15, 18.60);
            assertThat(c.location().lon()).isBetween(108.90, 109.80);
        });
        Document sanyawan = demo.getCollection("centers").find(new Document("_id", "TY-SANYAWAN")).first();
        assertThat(sanyawan.get("hours", Document.class).getBoolean("allDay")).isTrue();

        // From 海月广场 the 三亚湾 centre is a short walk.
        var reach = new ServiceCircle(TravelModel.DEFAULT).nearby(centers, new GeoPoint(18.2815, 109.4690), 15,
                TravelMode.WALK, java.util.Set.of(), java.time.Instant.now());
        assertThat(reach).extracting(r -> r.center().id()).contains("TY-SANYAWAN");
        demo.drop();
    }
}
