package org.onegrid.talent.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.onegrid.events.EventCodec;
import org.onegrid.events.Topics;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** One Spring context (same properties everywhere) against the real broker and Mongo-wire server. */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onegrid.talent.overdue-check-interval=1h"})
abstract class IntegrationTestBase {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    OutboxRelay relay;

    /** Leaves no event waiting in an outbox, so that no send is in flight when the shared broker stops. */
    @org.junit.jupiter.api.AfterEach
    void drainOutboxes() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (relay.pending() > 0 && System.currentTimeMillis() < deadline) {
            relay.relayOnce();
        }
    }

    record Response(int status, JsonNode body, String raw) {
    }

    HttpRequest request(String method, String path, String role, String user, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (role != null) {
            b.header(Caller.ROLE_HEADER, role);
        }
        if (user != null) {
            b.header(Caller.USER_HEADER, user);
        }
        String json = body == null ? "" : EventCodec.mapper().writeValueAsString(body);
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static Response parse(HttpResponse<String> r) {
        String raw = r.body();
        JsonNode node = raw == null || raw.isBlank() ? null : EventCodec.mapper().readTree(raw);
        return new Response(r.statusCode(), node, raw);
    }

    Response call(String method, String path, String role, String user, Object body) {
        try {
            return parse(HTTP.send(request(method, path, role, user, body), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<Response> callAsync(String method, String path, String role, String user, Object body) {
        return HTTP.sendAsync(request(method, path, role, user, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(IntegrationTestBase::parse);
    }

    Response post(String path, String role, String user, Object body) {
        return call("POST", path, role, user, body);
    }

    Response get(String path, String role, String user) {
        return call("GET", path, role, user, null);
    }

    static String idNumber() {
        StringBuilder b = new StringBuilder("460200");
        for (int i = 0; i < 11; i++) {
            b.append(ThreadLocalRandom.current().nextInt(10));
        }
        return b.append('X').toString();
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A registration body; override fields with {@code extra}. */
    static Map<String, Object> registration(String idNumber, String phone, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", "王建国", "gender", "M", "birthYear", 1958, "idNumber", idNumber, "phone", phone,
                "email", "wang@example.org", "education", "博士", "title", "主任医师",
                "expertise", List.of("medicine/cardiology"), "category", "MIGRATORY"));
        body.put("district", "JY");
        body.put("modes", List.of("CLINIC", "LECTURE"));
        body.put("homeCity", "北京");
        body.put("freeTags", List.of());
        body.putAll(extra);
        return body;
    }

    Response register(Map<String, Object> body) {
        Response r = post("/talent/talents", "station", "station-ty-1", body);
        if (r.status() != 201) {
            throw new AssertionError("registration failed: " + r.raw());
        }
        return r;
    }

    Response certify(String talentId, String cls) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", "CERTIFY", "reason", "材料齐全，符合标准"));
        if (cls != null) {
            body.put("highLevelClass", cls);
        }
        Response r = post("/talent/talents/" + talentId + "/review", "reviewer", "reviewer-1", body);
        if (r.status() != 200) {
            throw new AssertionError("certification failed: " + r.raw());
        }
        return r;
    }

    /**
     * Every record on the talent topic that {@code match} accepts, once everything written so far is relayed:
     * drains the outboxes, then reads all partitions from the beginning to their current end.
     */
    List<ConsumerRecord<String, String>> talentEvents(Predicate<ConsumerRecord<String, String>> match) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (relay.pending() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("outbox not drained: " + relay.pending() + " pending");
            }
            relay.relayOnce();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TALENT).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("topic not read to its end in time");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        seen.add(r);
                    }
                });
            }
        }
        seen.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        return seen;
    }

    static String type(ConsumerRecord<String, String> r) {
        return EventCodec.mapper().readTree(r.value()).get("type").asString();
    }
}
