package org.onegrid.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * A resident's appeal at a service centre becomes a ticket, is handled by the command centre and a department, and
 * its outcome appears on the centre's public board: across three services, through the gateway and the real broker.
 * The request id the resident's app sent follows the work into the services' logs and the events' Kafka headers.
 */
final class AppealRoundTrip {

    private static final String CENTER = "TY-SANYAWAN";
    private static final String PHONE = "13812345678";
    private final Gateway gateway = new Gateway();
    private final Path logs;

    AppealRoundTrip(Path dataDir) {
        this.logs = dataDir.resolve("logs");
    }

    void run() throws Exception {
        String resident = gateway.token("resident-e2e", "resident", null, null);
        String dispatcher = gateway.token("dispatcher-e2e", "dispatcher", "TY", null);
        String handler = gateway.token("handler-e2e", "department-handler", null, "HW");
        String requestId = "e2e-" + UUID.randomUUID();

        assertThat(gateway.post("/api/centers/" + CENTER + "/appeals", null, Map.of("content", "x"), null).status())
                .as("no credentials").isEqualTo(401);
        Gateway.Response appeal = gateway.post("/api/centers/" + CENTER + "/appeals", resident, Map.of(
                "requestId", "rq-" + UUID.randomUUID(),
                "content", "三亚湾路一段路灯连续三晚不亮，联系电话" + PHONE,
                "categoryHint", "sanitation", "lat", 18.2947, "lon", 109.4752), requestId);
        assertThat(appeal.status()).as(appeal.raw()).isIn(200, 201);
        String appealId = appeal.body().path("appealId").asString();

        JsonNode ticket = eventually("the appeal became a ticket", () -> {
            var page = gateway.get("/api/tickets?channel=CENTER&district=TY&size=100", dispatcher).body();
            for (JsonNode t : page.path("items")) {
                if (appealId.equals(t.path("sourceRef").asString())) {
                    return t;
                }
            }
            return null;
        });
        String id = ticket.path("id").asString();
        ok(gateway.post("/api/tickets/" + id + "/accept", dispatcher,
                Map.of("categoryCode", "sanitation", "gridCode", "TY-JJL-01"), null));
        ok(gateway.post("/api/tickets/" + id + "/dispatch", dispatcher, Map.of("departmentCode", "HW"), null));
        ok(gateway.post("/api/tickets/" + id + "/start", handler, Map.of(), null));
        ok(gateway.post("/api/tickets/" + id + "/resolve", handler, Map.of("summary", "已更换三盏路灯"), null));
        ok(gateway.post("/api/tickets/" + id + "/reply", dispatcher, Map.of("summary", "路灯已修复，感谢您的反映"), null));

        JsonNode entry = eventually("the public board shows the outcome", () -> {
            var board = gateway.get("/api/centers/" + CENTER + "/board", null);
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.raw()).doesNotContain(PHONE);
            for (JsonNode e : board.body().path("items").isMissingNode() ? board.body() : board.body().path("items")) {
                if (appealId.equals(e.path("appealId").asString()) && "REPLIED".equals(e.path("status").asString())) {
                    return e;
                }
            }
            return null;
        });
        assertThat(entry.path("resolutionSummary").asString()).isEqualTo("已更换三盏路灯");
        assertThat(entry.path("replySummary").asString()).isEqualTo("路灯已修复，感谢您的反映");
        assertThat(entry.path("content").asString()).contains("138****5678");

        assertThat(Files.readString(logs.resolve("service-center-service.log"))).as("request id in the centre's log")
                .contains(requestId);
        assertThat(correlationIds("onegrid.center.events", appealId)).as("appeal event's header").contains(requestId);
        assertThat(correlationIds("onegrid.ticket.events", id)).as("the ticket's first event, caused by the appeal")
                .contains(requestId);
    }

    private static void ok(Gateway.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    /** The correlationid headers of the records with this key. */
    private static List<String> correlationIds(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LocalStack.KAFKA_PORT);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> ids = new java.util.ArrayList<>();
            while (System.nanoTime() < deadline && ids.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    var header = r.headers().lastHeader("correlationid");
                    if (key.equals(r.key()) && header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return ids;
        }
    }

    private static <T> T eventually(String what, Callable<T> probe) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(probe, java.util.Objects::nonNull);
    }
}
