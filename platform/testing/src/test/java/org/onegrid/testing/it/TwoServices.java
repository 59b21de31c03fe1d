package org.onegrid.testing.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.mongodb.client.MongoDatabase;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.testing.Infrastructure;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the two small services of these tests as separate Spring contexts against the shared infrastructure. */
final class TwoServices {

    private TwoServices() {
    }

    static ConfigurableApplicationContext publisher(String database, String... extra) {
        return start(AppealPublisherApp.class, "it-publisher", database, "it-publisher", extra);
    }

    static ConfigurableApplicationContext counter(String database, String group) {
        return start(AppealCounterApp.class, "it-counter", database, group);
    }

    private static ConfigurableApplicationContext start(Class<?> app, String name, String database, String group,
                                                        String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "spring.config.import=classpath:onegrid-service-defaults.yml",
                "spring.application.name=" + name,
                "spring.mongodb.database=" + database,
                "spring.kafka.consumer.group-id=" + group,
                "onegrid.kafka.retry.initial-interval=50ms",
                "onegrid.kafka.retry.max-interval=200ms",
                "logging.structured.format.console=",
                "spring.jmx.enabled=false"));
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(app)
                .web(WebApplicationType.NONE)
                .properties(props.toArray(String[]::new))
                .run();
    }

    static CenterEvents.AppealSubmitted appeal() {
        String id = "ap-" + UUID.randomUUID();
        return new CenterEvents.AppealSubmitted(id, "c-syw", "三亚湾党群服务中心", "TY", "TY-SYW", "noise",
                "夜间施工噪音", 18.2947, 109.4752, "r-" + id, Instant.parse("2026-11-23T02:00:00Z"));
    }

    static long applied(MongoDatabase db, String appealId) {
        Document d = db.getCollection(AppealCounterApp.EFFECTS).find(new Document("_id", appealId)).first();
        return d == null ? 0 : d.getInteger("applied");
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    /** Reads a topic from the beginning with a plain consumer until {@code enough} holds for what was read. */
    static List<ConsumerRecord<String, String>> readUntil(Infrastructure infra, String topic,
                                                          Predicate<List<ConsumerRecord<String, String>>> enough) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!enough.test(records)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out reading " + topic + "; got " + records.size() + " records");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
