package org.onegrid.ticket.intake.hotline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onegrid.events.EventCodec;
import org.onegrid.events.Topics;
import org.onegrid.ticket.domain.intake.HotlineSignature;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to one running ticket-service as the hotline system and as platform staff would. */
final class HotlineHttp {

    static final String PARTNER = "hotline-12345";
    static final String SECRET = "it-hotline-secret";
    /** A point inside grid TY-JJL-01. */
    static final double JJL_LAT = 18.2600;
    static final double JJL_LON = 109.4975;

    private static final AtomicLong NEXT_TIMESTAMP = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, String contentType) {
    }

    private final String base;

    HotlineHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A case number no earlier test used. */
    static String caseNo() {
        return "SY12345-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A made-up mobile number. */
    static String phone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    static Map<String, Object> hotlineCase(String caseNo, String phone, String content, String category) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("caseNo", caseNo);
        c.put("receivedAt", Instant.now().minusSeconds(60).toString());
        c.put("callerName", "王小明");
        c.put("callerPhone", phone);
        c.put("content", content);
        c.put("categoryCode", category);
        c.put("address", "天涯区金鸡岭路 88 号");
        c.put("lat", JJL_LAT);
        c.put("lon", JJL_LON);
        c.put("urgency", "NORMAL");
        return c;
    }

    static byte[] json(Object body) {
        return EventCodec.mapper().writeValueAsBytes(body);
    }

    /** Posts a case signed with the given secret and timestamp (epoch seconds). */
    Response postCase(byte[] body, String partner, String secret, long epochSeconds) {
        String ts = Long.toString(epochSeconds);
        return postCaseRaw(body, partner, ts, HotlineSignature.sign(secret, ts, body));
    }

    /**
     * A correctly signed case. Every call gets a timestamp of its own (within the allowed 5 minutes), so that a
     * resend of the same body has a fresh signature, as a real retry would, and is not taken for a replay.
     */
    Response postCase(Object body) {
        long ts = NEXT_TIMESTAMP.updateAndGet(t -> Math.max(t + 1, Instant.now().getEpochSecond() - 240));
        return postCase(json(body), PARTNER, SECRET, ts);
    }

    Response postCaseRaw(byte[] body, String partner, String timestamp, String signature) {
        return postCaseRaw(body, partner, timestamp, signature, "application/json");
    }

    /** A correctly signed case sent with the given content type. */
    Response postCaseAs(byte[] body, String contentType) {
        String ts = Long.toString(NEXT_TIMESTAMP.updateAndGet(t -> Math.max(t + 1, Instant.now().getEpochSecond() - 240)));
        return postCaseRaw(body, PARTNER, ts, HotlineSignature.sign(SECRET, ts, body), contentType);
    }

    Response postCaseRaw(byte[] body, String partner, String timestamp, String signature, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/intake/hotline/cases"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (partner != null) {
            b.header("X-Hotline-Partner", partner);
        }
        if (timestamp != null) {
            b.header("X-Hotline-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-Hotline-Signature", signature);
        }
        return send(b);
    }

    Response staff(String method, String path, String role, String district, String department, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-OneGrid-Role", role)
                .header("X-OneGrid-User", role + "-it")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json(body)));
        if (district != null) {
            b.header("X-OneGrid-District", district);
        }
        if (department != null) {
            b.header("X-OneGrid-Department", department);
        }
        return send(b);
    }

    Response admin(String method, String path, Object body) {
        return staff(method, path, "admin", null, null, body);
    }

    JsonNode ticket(String id) {
        Response r = admin("GET", "/tickets/" + id, null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** Accept and dispatch (TY dispatcher), start and resolve (the department), reply (dispatcher). */
    void command(String ticketId, String action, Object body) {
        JsonNode t = ticket(ticketId);
        String dept = t.path("departmentCode").asString(null);
        Response r = switch (action) {
            case "start", "resolve" -> staff("POST", "/tickets/" + ticketId + "/" + action, "department-handler",
                    null, dept, body);
            default -> staff("POST", "/tickets/" + ticketId + "/" + action, "dispatcher", "TY", null, body);
        };
        assertThat(r.status()).as("%s → %s", action, r.body()).isEqualTo(200);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? EventCodec.mapper().createObjectNode()
                    : EventCodec.mapper().readTree(new String(response.body(), StandardCharsets.UTF_8));
            return new Response(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw values of the ticket topic's records keyed by {@code ticketId}, once there are {@code count}. */
    static List<String> ticketEventValues(String ticketId, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.TICKET));
            while (System.currentTimeMillis() < deadline && values.size() < count) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ticketId.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
