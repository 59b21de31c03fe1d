package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the HTTP integration tests: one Spring context (same configuration in every subclass, so it is cached)
 * against the real broker and Mongo-wire server. Tests isolate themselves by fresh ids.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onegrid.outbox.poll-interval=100ms", "logging.level.kafka=WARN",
                "logging.level.state.change.logger=WARN", "logging.structured.format.console="})
abstract class CenterIntegrationTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, String contentType) {
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Response post(String path, Object body) {
        return send(postRequest(path, body));
    }

    Response put(String path, Object body) {
        return send(asStaff(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(body))).build());
    }

    Response delete(String path) {
        return send(asStaff(HttpRequest.newBuilder(uri(path))).DELETE().build());
    }

    /** Commands come with the identity the gateway would set; these tests act as an administrator. */
    static HttpRequest.Builder asStaff(HttpRequest.Builder request) {
        return request.header("X-OneGrid-Role", "admin").header("X-OneGrid-User", "test-admin");
    }

    HttpRequest postRequest(String path, Object body) {
        return asStaff(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(body))).build();
    }

    /** Fires all requests at once and waits for every answer. */
    List<Response> concurrently(List<HttpRequest> requests) {
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (HttpRequest r : requests) {
            futures.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
        }
        return futures.stream().map(CompletableFuture::join).map(CenterIntegrationTest::toResponse).toList();
    }

    private Response send(HttpRequest request) {
        try {
            return toResponse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response toResponse(HttpResponse<String> r) {
        JsonNode body = r.body() == null || r.body().isBlank() ? null : EventCodec.mapper().readTree(r.body());
        return new Response(r.statusCode(), body, r.headers().firstValue("Content-Type").orElse(""));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A centre at real Sanya coordinates with a fresh id. */
    Map<String, Object> centerBody(String id, String name, double lat, double lon, Map<String, Object> hours,
                                   List<String> facilities) {
        return Map.of("id", id, "name", name, "level", "COMMUNITY", "districtCode", "TY",
                "communityCode", "SANYAWAN", "address", "三亚湾路", "location", Map.of("lat", lat, "lon", lon),
                "hours", hours, "facilities", facilities);
    }

    String createCenter(double lat, double lon) {
        String id = fresh("c");
        Response r = post("/centers", centerBody(id, "测试党群服务站", lat, lon, Map.of("allDay", true), List.of("AED")));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return id;
    }

    static KafkaConsumer<String, String> consumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Reads the center topic until {@code wanted} events keyed {@code key} matching the filter arrived, then a second
     * more, so that an unwanted extra (a duplicate) would show up too.
     */
    static List<EventEnvelope> centerEvents(String key, Predicate<EventEnvelope> filter, int wanted) {
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(Topics.CENTER)) {
            Instant deadline = Instant.now().plusSeconds(30);
            Instant settled = null;
            while (Instant.now().isBefore(settled == null ? deadline : settled)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key())) {
                        EventEnvelope e = EventCodec.decode(r.value());
                        if (filter.test(e)) {
                            found.add(e);
                        }
                    }
                }
                if (settled == null && found.size() >= wanted) {
                    settled = Instant.now().plusSeconds(1);
                }
            }
        }
        return found;
    }

    /** Polls until the condition holds or the deadline passes (no fixed sleeps). */
    static void eventually(Runnable assertion) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
