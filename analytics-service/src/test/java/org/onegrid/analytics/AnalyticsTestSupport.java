package org.onegrid.analytics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventHeaders;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishing ticket events as ticket-service does, and reading the analytics API over real HTTP. */
final class AnalyticsTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AnalyticsTestSupport() {
    }

    static void publish(KafkaTemplate<String, String> template, List<EventEnvelope> events) throws Exception {
        for (EventEnvelope e : events) {
            var record = new ProducerRecord<>(Topics.TICKET, e.subject(), EventCodec.encode(e));
            EventHeaders.write(e, record.headers());
            template.send(record).get();
        }
    }

    /** Publishes talent or centre events on their own topic, keyed by subject, as the outbox relay does. */
    static void publishActivity(KafkaTemplate<String, String> template, List<EventEnvelope> events) throws Exception {
        for (EventEnvelope e : events) {
            String topic = org.onegrid.events.EventCatalog.find(e.type()).orElseThrow().topic();
            var record = new ProducerRecord<>(topic, e.subject(), EventCodec.encode(e));
            EventHeaders.write(e, record.headers());
            template.send(record).get();
        }
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A command as an administrator would send it through the gateway. */
    static HttpResponse<String> post(int port, String path) throws Exception {
        return post(port, path, "admin");
    }

    /** A POST as the gateway passes it on for a caller with this role. */
    static HttpResponse<String> post(int port, String path, String role) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-OneGrid-User", "test-" + role).header("X-OneGrid-Role", role)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postAnonymously(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
