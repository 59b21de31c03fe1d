package org.onegrid.ticket.it;

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
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.testing.WithInfrastructure;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.SanyaReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: one Spring context (same configuration for all, so it is cached) against a real
 * broker and the Mongo wire protocol, driven over real HTTP. Tickets are isolated by fresh ids.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=ticket-it",
        "onegrid.ticket.max-reopenings=1",
        "onegrid.ticket.deadline-check.initial-delay=1h",
        "onegrid.outbox.poll-interval=100ms"})
abstract class IntegrationTestBase {

    /** A point inside grid TY-JJL-01 (west of 金鸡岭社区's centre). */
    static final double JJL_LAT = 18.2600;
    static final double JJL_LON = 109.4975;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    GridStore grids;

    record Response(int status, JsonNode body, String contentType) {
        String text(String field) {
            return body.path(field).asString(null);
        }
    }

    /** Who calls: role, user, district, department as the gateway sets them. */
    record Caller(String role, String user, String district, String department) {
        static Caller worker(String district) {
            return new Caller("grid-worker", "gw-" + district, district, null);
        }

        static Caller dispatcher(String district) {
            return new Caller("dispatcher", "dispatcher-" + district, district, null);
        }

        static Caller handler(String department) {
            return new Caller("department-handler", "handler-" + department, null, department);
        }

        static Caller requester() {
            return new Caller("requester", "resident-1", null, null);
        }

        static Caller admin() {
            return new Caller("admin", "admin-1", null, null);
        }
    }

    @BeforeEach
    void gridRegister() {
        // Upserts: harmless to repeat, and every test sees the same register.
        SanyaReferenceData.saveWithGrids(grids);
    }

    Response post(String path, Caller caller, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(body)));
        return send(headers(request, caller));
    }

    Response put(String path, Caller caller, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(body)));
        return send(headers(request, caller));
    }

    Response get(String path, Caller caller) {
        return send(headers(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET(), caller));
    }

    private static HttpRequest.Builder headers(HttpRequest.Builder request, Caller caller) {
        if (caller != null) {
            request.header("X-OneGrid-Role", caller.role()).header("X-OneGrid-User", caller.user());
            if (caller.district() != null) {
                request.header("X-OneGrid-District", caller.district());
            }
            if (caller.department() != null) {
                request.header("X-OneGrid-Department", caller.department());
            }
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? EventCodec.mapper().createObjectNode()
                    : EventCodec.mapper().readTree(response.body());
            return new Response(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a command and insists it succeeded. */
    JsonNode command(String ticketId, String action, Caller caller, Object body) {
        Response response = post("/tickets/" + ticketId + "/" + action, caller, body);
        assertThat(response.status()).as("%s → %s", action, response.body()).isEqualTo(200);
        return response.body();
    }

    /** Creates a ticket in TY-JJL-01 and returns the create response. */
    Response createTicket(String title, String category) {
        Response created = post("/tickets", Caller.worker("TY"), Map.of(
                "clientRequestId", UUID.randomUUID().toString(),
                "title", title, "description", "居民来电 13812345678 反映", "lat", JJL_LAT, "lon", JJL_LON,
                "requesterName", "王小明", "requesterPhone", "13812345678", "categoryCode", category));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created;
    }

    /**
     * The events on the ticket topic keyed by {@code ticketId}, in order, once {@code done} accepts them (or the
     * timeout passes). Reads the topic from the start with a fresh consumer group.
     */
    static List<EventEnvelope> ticketEvents(String ticketId, Predicate<List<EventEnvelope>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> events = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.TICKET));
            while (System.currentTimeMillis() < deadline && !done.test(events)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ticketId.equals(record.key())) {
                        events.add(EventCodec.decode(record.value()));
                    }
                }
            }
        }
        return events;
    }

    static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(e -> e.type().replace("onegrid.ticket.", "").replace(".v1", "")).toList();
    }

    static List<String> awaitTypes(String ticketId, int count) {
        return types(ticketEvents(ticketId, list -> list.size() >= count));
    }
}
