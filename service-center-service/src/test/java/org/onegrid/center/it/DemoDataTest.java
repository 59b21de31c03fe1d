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
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataTest extends CenterIntegrationTest {

    @Autowired
    MongoClient client;

    @Test
    void loadsTheSeedCentresInSanyaAndReloadsWithoutDuplicates() {
        MongoDatabase demo = client.getDatabase("center-demo-" + fresh("db"));
        var events = new EventFactory("service-center-service", Clock.systemUTC());
        var demoData = new SanyaDemoData(Clock.systemUTC(), events);
        long first = demoData.load(demo).get("centers");
        long second = demoData.load(demo).get("centers");
        assertThat(first).isEqualTo(second).isGreaterThanOrEqualTo(20);

        List<Center> centers = new CenterStore(demo, events).allForCircle();
        assertThat(centers).extracting(Center::name).contains("三亚市党群服务中心", "三亚湾党群服务中心", "海棠区党群服务中心",
                "崖州湾科技城大社区综合服务中心", "中央商务区党群服务中心", "凤凰派出所党群服务中心", "金鸡岭小学党群服务站");
        assertThat(centers).allSatisfy(c -> {
            // Sanya's land area lies within these bounds.
            assertThat(c.location().lat()).isBetween(18.15, 18.60);
            assertThat(c.location().lon()).isBetween(108.90, 109.80);
        });
        Document sanyawan = demo.getCollection("centers").find(new Document("_id", "TY-SANYAWAN")).first();
        assertThat(sanyawan.get("hours", Document.class).getBoolean("allDay")).isTrue();
        // Each load puts a center-registered event into the centre's own outbox (no relay watches this database,
        // so both loads' entries are still there), positions included: analytics draws the map from them.
        List<Document> outbox = sanyawan.getList(Outbox.FIELD, Document.class);
        assertThat(outbox).hasSize(2);
        EventEnvelope registered = EventCodec.decode(outbox.get(1).getString("value"));
        var payload = EventCodec.payload(registered, CenterEvents.CENTER_REGISTERED);
        assertThat(payload.centerId()).isEqualTo("TY-SANYAWAN");
        assertThat(payload.openingHours()).isEqualTo("24/7");
        assertThat(payload.lat()).isBetween(18.15, 18.60);

        // From 海月广场 the 三亚湾 centre is a short walk.
        var reach = new ServiceCircle(TravelModel.DEFAULT).nearby(centers, new GeoPoint(18.2815, 109.4690), 15,
                TravelMode.WALK, java.util.Set.of(), java.time.Instant.now());
        assertThat(reach).extracting(r -> r.center().id()).contains("TY-SANYAWAN");
        demo.drop();
    }
}
