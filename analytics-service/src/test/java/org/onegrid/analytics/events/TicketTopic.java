package org.onegrid.analytics.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventHeaders;

/** The ticket topic and its DLT as the live-consumer tests write and read them, straight through the broker. */
final class TicketTopic {

    private TicketTopic() {
    }

    static ProducerRecord<String, String> record(String key, String value, EventEnvelope e) {
        var record = new ProducerRecord<>(Topics.TICKET, key, value);
        EventHeaders.write(e, record.headers());
        return record;
    }

    /**
     * The DLT records whose value mentions {@code marker}, read from the start; waits until {@code atLeast} are there
     * (0: reads what is there now).
     */
    static List<ConsumerRecord<String, String>> deadLetters(String marker, int atLeast) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = plainConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(Topics.TICKET)).stream()
                    .map(x -> new TopicPartition(x.topic(), x.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().contains(marker)) {
                        found.add(r);
                    }
                }
                boolean atEnd = partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                if (atEnd && found.size() >= atLeast) {
                    break;
                }
                if (atEnd) {
                    end.putAll(consumer.endOffsets(partitions));
                }
            }
        }
        return found;
    }

    static Map<TopicPartition, Long> ticketEndOffsets() {
        try (KafkaConsumer<String, String> consumer = plainConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET).stream()
                    .map(x -> new TopicPartition(x.topic(), x.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** A consumer without a group, for reading offsets and records by partition. */
    static KafkaConsumer<String, String> plainConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
