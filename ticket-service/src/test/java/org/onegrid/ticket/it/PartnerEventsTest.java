package org.onegrid.ticket.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.Topics;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner CloudEvents over HTTP (both modes) and straight onto the partner topic, into tickets. */
class PartnerEventsTest extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> PARTNER = Map.of("X-OneGrid-Partner", "xueliang",
            "X-OneGrid-Scopes", "events:write");

    record Reply(int status, JsonNode body, String contentType) {
    }

    @Test
    void structuredModeVideoIncidentBecomesATicket() {
        String camera = "CAM-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        Reply reply = postEvent(structured(id, "urn:xueliang:sanya", "onegrid.partner.video-incident.v1",
                Map.of("cameraId", camera, "lat", JJL_LAT, "lon", JJL_LON, "incidentKind", "garbage-pile",
                        "detectedAt", "2026-11-23T01:30:00Z", "snapshotUrl", "https://cams.example/s/1.jpg",
                        "confidence", 0.93)), "application/cloudevents+json", Map.of());
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(202);

        JsonNode ticket = awaitTicket(camera);
        assertThat(ticket.path("channel").asString()).isEqualTo("PARTNER");
        assertThat(ticket.path("sourceRef").asString()).isEqualTo("urn:xueliang:sanya/" + id);
        assertThat(ticket.path("categoryCode").asString()).isEqualTo("sanitation");
        assertThat(ticket.path("districtCode").asString()).isEqualTo("TY");
    }

    @Test
    void binaryModeWechatReportBecomesATicketWithoutThePhoneNumber() {
        String marker = "随手拍-" + UUID.randomUUID();
        Reply reply = postEvent(EventCodec.mapper().writeValueAsString(Map.of("reportId", "wx-1",
                        "categoryHint", "roads", "content", marker + " 井盖缺失，联系 13812345678",
                        "lat", JJL_LAT, "lon", JJL_LON, "reportedAt", "2026-11-23T02:00:00Z")),
                "application/json", Map.of("ce-id", UUID.randomUUID().toString(), "ce-source", "urn:wechat:sanya",
                        "ce-type", "onegrid.partner.wechat-report.v1", "ce-specversion", "1.0",
                        "ce-time", "2026-11-23T02:00:01Z", "ce-subject", "wx-1"));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(202);

        JsonNode ticket = awaitTicket(marker);
        assertThat(ticket.path("categoryCode").asString()).isEqualTo("roads");
        assertThat(ticket.path("description").asString()).doesNotContain("13812345678");
    }

    @Test
    void aDuplicateEventIdIsRefusedAndPublishedOnce() {
        String id = UUID.randomUUID().toString();
        String marker = "一鹿快办-" + UUID.randomUUID();
        String event = structured(id, "urn:yilu:sanya", "onegrid.partner.govapp-complaint.v1",
                Map.of("complaintNo", "YL-1", "content", marker + " 小区噪音", "districtCode", "TY",
                        "submittedAt", "2026-11-23T03:00:00Z"));
        assertThat(postEvent(event, "application/cloudevents+json", Map.of()).status()).isEqualTo(202);
        Reply again = postEvent(event, "application/cloudevents+json", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        awaitTicket(marker);
        // Read on for a while after the first record: a second publication would show up here.
        List<ConsumerRecord<String, String>> records = records(Topics.PARTNER, "urn:yilu:sanya/" + id,
                Duration.ofSeconds(3), false);
        assertThat(records).hasSize(1);
        assertThat(EventCodec.decode(records.get(0).value()).id()).isEqualTo(id);
    }

    @Test
    void unknownTypeSchemaViolationOversizeAndMissingScopeAre4xx() {
        Reply unknown = postEvent(structured(UUID.randomUUID().toString(), "urn:x", "onegrid.partner.ufo-sighting.v1",
                Map.of("a", 1)), "application/cloudevents+json", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("detail").asString()).contains("ufo-sighting");

        Reply outOfRange = postEvent(structured(UUID.randomUUID().toString(), "urn:x",
                "onegrid.partner.video-incident.v1", Map.of("cameraId", "C1", "lat", 123.0, "lon", JJL_LON,
                        "incidentKind", "garbage-pile", "detectedAt", "2026-11-23T01:30:00Z")),
                "application/cloudevents+json", Map.of());
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body().path("detail").asString()).contains("lat must be between -90 and 90");

        Reply missing = postEvent(structured(UUID.randomUUID().toString(), "urn:x",
                "onegrid.partner.video-incident.v1", Map.of("lat", JJL_LAT, "lon", JJL_LON,
                        "incidentKind", "garbage-pile", "detectedAt", "2026-11-23T01:30:00Z")),
                "application/cloudevents+json", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("detail").asString()).contains("cameraId is required");

        // Found by the reliability suite's hostile corpus: five-digit-plus years were accepted and published.
        Reply farFuture = postEvent(structured(UUID.randomUUID().toString(), "urn:x",
                "onegrid.partner.video-incident.v1", Map.of("cameraId", "C1", "lat", JJL_LAT, "lon", JJL_LON,
                        "incidentKind", "garbage-pile", "detectedAt", "+999999999-12-31T23:59:59Z")),
                "application/cloudevents+json", Map.of());
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(farFuture.body().path("detail").asString()).contains("detectedAt");
        Reply farFutureTime = postEvent(structured(UUID.randomUUID().toString(), "urn:x",
                "onegrid.partner.video-incident.v1", Map.of("cameraId", "C1", "lat", JJL_LAT, "lon", JJL_LON,
                        "incidentKind", "garbage-pile", "detectedAt", "2026-11-23T01:30:00Z"))
                .replace("2026-11-23T01:30:05Z", "+999999999-12-31T23:59:59Z"), "application/cloudevents+json", Map.of());
        assertThat(farFutureTime.status()).as(farFutureTime.body().toString()).isEqualTo(400);
        // An object where the envelope has a string was a 500.
        Reply idObject = postEvent("{\"specversion\":\"1.0\",\"id\":{\"$gt\":\"\"},\"source\":\"urn:x\","
                + "\"type\":\"onegrid.partner.video-incident.v1\",\"data\":{}}", "application/cloudevents+json",
                Map.of());
        assertThat(idObject.status()).isEqualTo(400);
        assertThat(idObject.body().toString()).contains("id");

        Reply oversize = postEvent(structured(UUID.randomUUID().toString(), "urn:x",
                "onegrid.partner.wechat-report.v1", Map.of("reportId", "r", "content", "x".repeat(70_000),
                        "districtCode", "TY", "reportedAt", "2026-11-23T01:30:00Z")),
                "application/cloudevents+json", Map.of());
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.contentType()).startsWith("application/problem+json");

        Reply noSpec = postEvent("{}", "application/json", Map.of());
        assertThat(noSpec.status()).isEqualTo(415);

        Reply noScope = send(HttpRequest.newBuilder(uri()).header("Content-Type", "application/cloudevents+json")
                .header("X-OneGrid-Partner", "open311-client").header("X-OneGrid-Scopes", "open311:write")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noScope.status()).isEqualTo(403);
    }

    @Test
    void kafkaNativeBinaryRecordsBecomeTicketsAndMalformedOnesGoToTheDlt() throws Exception {
        String marker = "直连-" + UUID.randomUUID();
        String badId = UUID.randomUUID().toString();
        String farFutureId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> good = new ProducerRecord<>(Topics.PARTNER, "urn:wechat:kafka/k1",
                    EventCodec.mapper().writeValueAsString(Map.of("reportId", "k1", "content", marker + " 路灯不亮",
                            "lat", JJL_LAT, "lon", JJL_LON, "reportedAt", "2026-11-23T02:00:00Z")));
            ceHeaders(good, UUID.randomUUID().toString(), "onegrid.partner.wechat-report.v1");
            producer.send(good).get();

            ProducerRecord<String, String> bad = new ProducerRecord<>(Topics.PARTNER, "urn:wechat:kafka/" + badId,
                    EventCodec.mapper().writeValueAsString(Map.of("reportId", "k2", "lat", 300.0, "lon", 1.0,
                            "reportedAt", "2026-11-23T02:00:00Z")));
            ceHeaders(bad, badId, "onegrid.partner.wechat-report.v1");
            producer.send(bad).get();

            ProducerRecord<String, String> farFuture = new ProducerRecord<>(Topics.PARTNER,
                    "urn:wechat:kafka/" + farFutureId, EventCodec.mapper().writeValueAsString(Map.of("reportId", "k3",
                    "content", "路灯不亮", "lat", JJL_LAT, "lon", JJL_LON, "reportedAt", "2026-11-23T02:00:00Z")));
            ceHeaders(farFuture, farFutureId, "onegrid.partner.wechat-report.v1");
            farFuture.headers().remove("ce_time");
            farFuture.headers().add("ce_time", "+999999999-12-31T23:59:59Z".getBytes(StandardCharsets.UTF_8));
            producer.send(farFuture).get();
        }
        JsonNode ticket = awaitTicket(marker);
        assertThat(ticket.path("channel").asString()).isEqualTo("PARTNER");

        List<ConsumerRecord<String, String>> dead = records(Topics.PARTNER + ".DLT", "urn:wechat:kafka/" + badId,
                Duration.ofSeconds(20), true);
        assertThat(dead).hasSize(1);
        String reason = new String(dead.get(0).headers().lastHeader("onegrid-dlt-reason").value(),
                StandardCharsets.UTF_8);
        assertThat(reason).contains("InvalidEventException").contains("content is required");

        List<ConsumerRecord<String, String>> timeless = records(Topics.PARTNER + ".DLT",
                "urn:wechat:kafka/" + farFutureId, Duration.ofSeconds(20), true);
        assertThat(timeless).hasSize(1);
        assertThat(new String(timeless.get(0).headers().lastHeader("onegrid-dlt-reason").value(),
                StandardCharsets.UTF_8)).contains("ce_time");
    }

    private static void ceHeaders(ProducerRecord<String, String> record, String id, String type) {
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "urn:wechat:kafka".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_time", "2026-11-23T02:00:01Z".getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    }

    private static String structured(String id, String source, String type, Map<String, Object> data) {
        return EventCodec.mapper().writeValueAsString(Map.of("specversion", "1.0", "id", id, "source", source,
                "type", type, "time", "2026-11-23T01:30:05Z", "datacontenttype", "application/json", "data", data));
    }

    /** The ticket whose title or description holds {@code text}, once the consumer has made it. */
    private JsonNode awaitTicket(String text) {
        JsonNode items = Awaitility.await("a PARTNER ticket mentioning " + text).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/tickets?channel=PARTNER&q=" + java.net.URLEncoder.encode(text,
                        StandardCharsets.UTF_8), Caller.dispatcher("TY")).body().path("items"),
                        found -> found.size() > 0);
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    /** Records of a topic with the given key, read from the start for {@code wait} (or until one is found). */
    private static List<ConsumerRecord<String, String>> records(String topic, String key, Duration wait,
                                                                boolean untilFound) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.currentTimeMillis() + wait.toMillis();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.currentTimeMillis() < deadline && !(untilFound && !found.isEmpty())) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/intake/events");
    }

    private Reply postEvent(String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        PARTNER.forEach(request::header);
        headers.forEach(request::header);
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? EventCodec.mapper().createObjectNode()
                    : EventCodec.mapper().readTree(response.body());
            return new Reply(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
