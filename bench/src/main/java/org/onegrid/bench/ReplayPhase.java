package org.onegrid.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;

/**
 * Phase 3: at least a million events on {@code onegrid.ticket.events}, produced by a plain producer as valid
 * envelopes; the rate at which analytics' live consumer applies them; then the rate of an analytics rebuild
 * (replay of every topic into a fresh view generation) against a plain consumer reading the same topic from the
 * beginning in the same run (the limit), and that consumer also decoding each envelope (the JSON part of the limit).
 */
final class ReplayPhase {

    /** Keeps the JIT from dropping the consumer's work. */
    static volatile long blackhole;

    private final Api api;
    private final BenchOptions options;
    private final SyntheticTickets tickets;
    private final String bootstrap;
    private final Lag lag;

    ReplayPhase(Api api, BenchOptions options, SyntheticTickets tickets) {
        this.api = api;
        this.options = options;
        this.tickets = tickets;
        this.bootstrap = "127.0.0.1:" + options.kafkaPort();
        this.lag = new Lag(bootstrap);
    }

    /** The number of synthetic tickets produced (for the query phase). */
    int run(Results results, MemorySampler memory) throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        long endBefore = lag.endOffset();

        memory.phase("replay: produce");
        long t0 = System.nanoTime();
        int ticketCount = produce(options.events());
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  produced %,d events (%,d tickets) in %.1f s%n", options.events(), ticketCount, produceSeconds);
        results.add("replay", "produce " + String.format("%,d", options.events()) + " events (plain producer)",
                String.format("%,.0f events/s", options.events() / produceSeconds), null, null,
                String.format("%,d synthetic tickets%s, lz4, acks=all", ticketCount, options.eventsApart() == 0
                        ? "" : String.format(", a ticket's events %,d tickets apart", options.eventsApart())));
        detail.put("produceSeconds", produceSeconds);
        detail.put("tickets", ticketCount);

        memory.phase("replay: live apply");
        long endAfter = lag.endOffset();
        long deadline = t0 + Duration.ofSeconds(options.liveSeconds()).toNanos();
        long behind;
        long lastReport = 0;
        while (true) {
            behind = lag.analytics();
            long now = System.nanoTime();
            if (behind == 0 || now > deadline) {
                break;
            }
            if (now - lastReport > 15e9) {
                System.out.printf("  analytics live consumer: lag %,d (%.0f s)%n", behind, (now - t0) / 1e9);
                lastReport = now;
            }
            Thread.sleep(500);
        }
        double liveSeconds = (System.nanoTime() - t0) / 1e9;
        long applied = (endAfter - endBefore) - behind;
        boolean caughtUp = behind == 0;
        results.add("replay", "analytics live apply (from first produce to lag 0)",
                String.format("%,.0f events/s", applied / liveSeconds), null, null,
                caughtUp ? String.format("%,d events in %.0f s", applied, liveSeconds)
                        : String.format("NOT caught up after %d s: %,d applied, lag %,d", options.liveSeconds(), applied, behind));
        detail.put("liveSeconds", liveSeconds);
        detail.put("liveApplied", applied);
        detail.put("liveLagAtEnd", behind);

        memory.phase("replay: raw consume");
        double[] raw = consumeAll(false);
        double[] decoded = consumeAll(true);
        results.add("replay", "plain KafkaConsumer, ticket topic from the beginning (the limit)",
                String.format("%,.0f events/s", raw[0] / raw[1]), null, null,
                String.format("%,.0f records in %.1f s; with EventCodec.decode: %,.0f events/s", raw[0], raw[1],
                        decoded[0] / decoded[1]));
        detail.put("rawRecords", raw[0]);
        detail.put("rawSeconds", raw[1]);
        detail.put("decodedSeconds", decoded[1]);

        memory.phase("replay: rebuild");
        Map<String, Object> rebuild = rebuild();
        detail.put("rebuild", rebuild);
        double rebuildRate = (double) rebuild.getOrDefault("eventsPerSecond", 0.0);
        double rawRate = raw[0] / raw[1];
        String state = String.valueOf(rebuild.get("state"));
        results.add("replay", "analytics rebuild (all topics)", String.format("%,.0f events/s", rebuildRate), null,
                null, String.format("%s: %,d of %,d events in %.0f s%s", state, (long) rebuild.getOrDefault("processed", 0L),
                        (long) rebuild.getOrDefault("total", 0L), (double) rebuild.getOrDefault("seconds", 0.0),
                        rebuild.get("error") == null ? "" : ", error " + rebuild.get("error")));
        results.add("replay", "rebuild ÷ raw consume", String.format("%.2f %%", rebuildRate * 100 / rawRate),
                "≥ 50 %", "DONE".equals(state) && rebuildRate >= 0.5 * rawRate,
                "DONE".equals(state) ? "" : "rebuild did not finish within " + options.rebuildSeconds() + " s: rate so far");
        results.detail("replay", detail);
        return ticketCount;
    }

    private int produce(int events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        int ticketCount;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ticketCount = tickets.inTopicOrder(events, options.eventsApart(), (ticket, stage) -> {
                EventEnvelope e = tickets.event(ticket, stage);
                producer.send(new ProducerRecord<>(Topics.TICKET, tickets.id(ticket), EventCodec.encode(e)),
                        (meta, ex) -> {
                            if (ex != null) {
                                failure.compareAndSet(null, ex);
                            } else {
                                acked.incrementAndGet();
                            }
                        });
                if (failure.get() != null) {
                    throw failure.get();
                }
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return ticketCount;
    }

    /** Reads the whole ticket topic once: {records, seconds}. */
    private double[] consumeAll(boolean decode) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // As analytics' rebuild consumer: the same deserializer and the same poll size.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET).stream()
                    .map(i -> new TopicPartition(Topics.TICKET, i.partition())).toList();
            consumer.assign(partitions);
            long start = System.nanoTime();
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            long checksum = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (decode) {
                        try {
                            checksum += EventCodec.decode(r.value()).type().length();
                        } catch (RuntimeException e) {
                            checksum--;
                        }
                    } else {
                        checksum += r.value().length();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            blackhole = checksum;
            return new double[]{records, seconds};
        }
    }

    private Map<String, Object> rebuild() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        String admin = api.token("bench-admin", "admin", null);
        Api.Response started = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.gateway("/api/analytics/admin/rebuild")))
                .header("Authorization", "Bearer " + admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        long t0 = System.nanoTime();
        if (started.status() != 202) {
            out.put("state", "NOT STARTED");
            out.put("error", started.status() + " " + started.body());
            return out;
        }
        long deadline = t0 + Duration.ofSeconds(options.rebuildSeconds()).toNanos();
        long lastReport = 0;
        var progress = started.json();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            Api.Response r = api.get(api.gateway("/api/analytics/admin/rebuild"), admin);
            if (r.status() != 200) {
                continue;
            }
            progress = r.json();
            String state = progress.path("state").asString();
            if (System.nanoTime() - lastReport > 15e9) {
                System.out.printf("  rebuild: %s %,d of %,d%n", state, progress.path("processed").asLong(),
                        progress.path("total").asLong());
                lastReport = System.nanoTime();
            }
            if (!"RUNNING".equals(state)) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String state = progress.path("state").asString();
        long processed = progress.path("processed").asLong();
        if ("DONE".equals(state) && !progress.path("finishedAt").isNull() && !progress.path("startedAt").isNull()) {
            // The service's own clock: from the moment it started to the switch-over.
            seconds = Duration.between(Instant.parse(progress.path("startedAt").asString()),
                    Instant.parse(progress.path("finishedAt").asString())).toMillis() / 1000.0;
        }
        out.put("state", state);
        out.put("processed", processed);
        out.put("total", progress.path("total").asLong());
        out.put("invalid", progress.path("invalid").asLong());
        out.put("seconds", seconds);
        out.put("eventsPerSecond", processed / Math.max(seconds, 0.001));
        out.put("error", progress.path("error").isNull() ? null : progress.path("error").asString());
        return out;
    }
}
