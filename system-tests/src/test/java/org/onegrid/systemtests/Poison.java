package org.onegrid.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records no consumer can take — malformed, of an unknown type, of a future version — and where they end up. */
final class Poison {

    static final String REASON_HEADER = "onegrid-dlt-reason";
    private static final String BOOTSTRAP = "127.0.0.1:" + Stack.KAFKA;

    static final String GROUP_HEADER = "kafka_dlt-original-consumer-group";

    /**
     * A topic, a type its producers will only send in a later version (its v1 is a known type, sent with an empty
     * payload), and the consumer groups that read it: each of them must set every bad record aside.
     */
    record Topic(String name, String futureType, List<String> groups) {
        boolean consumed() {
            return !groups.isEmpty();
        }
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("onegrid.ticket.events", "onegrid.ticket.reported.v2",
                    List.of("analytics-service", "service-center-service", "ticket-service-hotline-sync")),
            new Topic("onegrid.talent.events", "onegrid.talent.stay-started.v2", List.of("analytics-service")),
            new Topic("onegrid.center.events", "onegrid.center.appeal-submitted.v2",
                    List.of("analytics-service", "ticket-service")),
            new Topic("onegrid.partner.events", "onegrid.partner.wechat-report.v2", List.of("ticket-service")));

    /** Where {@link #deadLetters} puts dead letters that are not the suite's poison. */
    static final String OTHERS = "(not poison)";

    /** A dead letter: the consumer group that set it aside and why. */
    record Dead(String group, String reason) {
    }

    /** A bad record sent: its key (unique) and what is wrong with it. */
    record Sent(String topic, String key, String kind) {
    }

    static List<Sent> produce() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Sent> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<String, String>(p)) {
            for (Topic topic : TOPICS) {
                Map<String, String> bad = new LinkedHashMap<>();
                bad.put("malformed", "{\"id\": \"broken, this is not JSON");
                bad.put("not-an-envelope", "[1, 2, 3]");
                bad.put("unknown-type", envelope("onegrid.nobody.knows-this.v1", Map.of("x", 1)));
                bad.put("future-version", envelope(topic.futureType(), Map.of("ticketId", "t-1", "newField", true)));
                // A known type whose payload lacks every required field (extra fields are ignored).
                bad.put("empty-payload", envelope(topic.futureType().replace(".v2", ".v1"), Map.of()));
                bad.put("bad-payload", envelope(topic.futureType().replace(".v2", ".v1"), Map.of("nonsense", "yes")));
                for (var e : bad.entrySet()) {
                    String key = "st-poison-" + e.getKey() + "-" + UUID.randomUUID();
                    producer.send(new ProducerRecord<>(topic.name(), key, e.getValue())).get();
                    sent.add(new Sent(topic.name(), key, e.getKey()));
                }
            }
        }
        return sent;
    }

    private static String envelope(String type, Map<String, Object> data) {
        var env = Http.JSON.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("source", "/system-tests")
                .put("specversion", "1.0")
                .put("type", type)
                .put("subject", "st-" + UUID.randomUUID())
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("correlationid", UUID.randomUUID().toString());
        env.set("data", Http.JSON.valueToTree(data));
        return env.toString();
    }

    /** Dead letters by key: one per consumer group that refused the record. */
    static Map<String, List<Dead>> deadLetters(List<String> dltTopics, Map<String, List<String>> keys,
                                                 java.util.Set<String> collect, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "st-dlt-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<Dead>> found = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            consumer.subscribe(dltTopics);
            long deadline = System.nanoTime() + within.toNanos();
            boolean caughtUp = false;
            // Read to the end (an empty poll) even once all poison is found: real events dead-lettered later count.
            while (System.nanoTime() < deadline && !(caughtUp && complete(found, keys))) {
                var records = consumer.poll(Duration.ofMillis(1000));
                caughtUp = records.isEmpty() && !consumer.assignment().isEmpty();
                for (ConsumerRecord<String, String> r : records) {
                    if (r.key() != null && collect.contains(r.key())) {
                        found.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new Dead(
                                header(r, GROUP_HEADER), header(r, REASON_HEADER)));
                    } else {
                        // Not poison: a real event some consumer could not take.
                        found.computeIfAbsent(OTHERS, k -> new ArrayList<>()).add(new Dead(
                                header(r, GROUP_HEADER), r.topic() + " " + r.key() + ": " + header(r, REASON_HEADER)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Waits until every consumer group has committed up to the end of every topic it reads (no lag), so that what
     * the services write from events (inboxes, views) stands still: then a change is the work of what came since.
     */
    static void awaitConsumersCaughtUp(Duration within) throws Exception {
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            long deadline = System.nanoTime() + within.toNanos();
            Map<String, Long> lag;
            do {
                lag = lag(admin);
                if (lag.values().stream().allMatch(l -> l == 0)) {
                    return;
                }
                Thread.sleep(500);
            } while (System.nanoTime() < deadline);
            throw new AssertionError("consumers still behind after " + within + ": " + lag);
        }
    }

    private static Map<String, Long> lag(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        var partitions = admin.describeTopics(TOPICS.stream().map(Topic::name).toList()).allTopicNames().get();
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                new LinkedHashMap<>();
        partitions.forEach((topic, d) -> d.partitions().forEach(pi -> latest.put(
                new org.apache.kafka.common.TopicPartition(topic, pi.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest())));
        var ends = admin.listOffsets(latest).all().get();
        for (Topic topic : TOPICS) {
            for (String group : topic.groups()) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                long behind = 0;
                for (var end : ends.entrySet()) {
                    if (end.getKey().topic().equals(topic.name())) {
                        var c = committed.get(end.getKey());
                        behind += end.getValue().offset() - (c == null ? 0 : c.offset());
                    }
                }
                lag.put(group + "@" + topic.name(), behind);
            }
        }
        return lag;
    }

    /** Every expected key dead-lettered by every group of its topic. */
    private static boolean complete(Map<String, List<Dead>> found, Map<String, List<String>> keys) {
        return keys.entrySet().stream().allMatch(e -> found.containsKey(e.getKey()) && found.get(e.getKey()).stream()
                .map(Dead::group).collect(java.util.stream.Collectors.toSet()).containsAll(e.getValue()));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var header = r.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
