package org.onegrid.analytics.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.onegrid.analytics.TicketStory;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.embedded.KraftBroker;
import org.onegrid.embedded.MongoWireServer;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Not a test: replay speed against the raw consume rate of the same topic, on an in-process broker and Mongo-wire
 * server. Run by hand (see README "Analytics and dashboards"): {@code java -cp … RebuildBenchmark [events] [perEvent]}.
 * Prints events/s for a plain consumer, the batched rebuild, and the old one-event-at-a-time replay.
 */
public final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        boolean perEvent = args.length <= 1 || Boolean.parseBoolean(args[1]);
        try (KraftBroker broker = KraftBroker.start(0, java.nio.file.Files.createTempDirectory("bench-kafka"));
             MongoWireServer mongo = MongoWireServer.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.TICKET, 3, (short) 1),
                        new NewTopic(Topics.TALENT, 3, (short) 1), new NewTopic(Topics.CENTER, 3, (short) 1))).all().get();
            }
            int produced = produce(bootstrap, events);
            System.out.printf("produced %,d ticket events%n", produced);

            double raw = rawConsume(bootstrap);
            System.out.printf("raw consume (plain KafkaConsumer, String values): %,.0f events/s%n", raw);

            MongoDatabase db = client.getDatabase("bench-analytics");
            Clock clock = Clock.systemUTC();
            TicketViewStore store = new TicketViewStore(db);
            ActivityEventStore activityStore = new ActivityEventStore(db);
            ViewGenerations generations = new ViewGenerations(db);
            ReplayHorizon horizon = new ReplayHorizon();
            TicketViewUpdater updater = new TicketViewUpdater(store, generations, horizon);
            ActivityEventUpdater activities = new ActivityEventUpdater(activityStore, generations);
            Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            ViewRebuilder rebuilder = new ViewRebuilder(new DefaultKafkaConsumerFactory<>(config), updater, activities,
                    store, activityStore, generations, horizon, clock, 10_000, 100_000);
            long started = System.nanoTime();
            rebuilder.start();
            while (!"DONE".equals(rebuilder.progress().state())) {
                if ("FAILED".equals(rebuilder.progress().state())) {
                    throw new IllegalStateException(rebuilder.progress().error());
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double batched = rebuilder.progress().processed() / seconds;
            System.out.printf("batched rebuild: %,d events in %.1f s = %,.0f events/s (%.0f %% of raw)%n",
                    rebuilder.progress().processed(), seconds, batched, 100 * batched / raw);
            int active = generations.current().active();
            long t0 = System.nanoTime();
            var cells = store.cells(active);
            System.out.printf("cells: %,d kept while rebuilding (%.1f ms to get)%n", cells.size(),
                    (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            store.rederive(active);
            System.out.printf("deriving them afresh from %,d records: %.0f ms%n", store.count(active),
                    (System.nanoTime() - t0) / 1e6);

            if (perEvent) {
                double old = perEventReplay(bootstrap, updater, store, active + 10);
                System.out.printf("one-event-at-a-time replay (the previous design): %,.0f events/s (%.0f %% of raw)%n",
                        old, 100 * old / raw);
            }
        }
        System.exit(0);
    }

    private static int produce(String bootstrap, int events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        String[] districts = {"HT", "JY", "TY", "YZ", "YC"};
        String[] departments = {"housing", "transport", "sanitation", "water", "education"};
        Instant day = Instant.parse("2026-01-01T01:00:00Z");
        int sent = 0;
        int i = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // Stories are interleaved in waves, as on a live topic: a ticket's events are spread out.
            List<List<EventEnvelope>> wave = new ArrayList<>();
            while (sent < events) {
                for (int w = 0; w < 500 && sent < events; w++, i++) {
                    TicketStory s = TicketStory.reported(districts[i % 5], departments[(i / 5) % 5],
                            day.plus(Duration.ofMinutes(i % (60 * 24 * 300))));
                    s.accepted().dispatched();
                    if (i % 10 < 8) {
                        s.resolved(i % 7 != 0, (i % 400) / 10.0);
                    }
                    if (i % 10 < 5) {
                        s.rated(i % 3 == 0 ? "UNSATISFIED" : "SATISFIED");
                    }
                    wave.add(s.events());
                    sent += s.events().size();
                }
                int longest = wave.stream().mapToInt(List::size).max().orElse(0);
                for (int step = 0; step < longest; step++) {
                    for (List<EventEnvelope> story : wave) {
                        if (step < story.size()) {
                            EventEnvelope e = story.get(step);
                            producer.send(new ProducerRecord<>(Topics.TICKET, e.subject(), EventCodec.encode(e)));
                        }
                    }
                }
                wave.clear();
            }
            producer.flush();
        }
        return sent;
    }

    private static KafkaConsumer<String, String> consumerAtStart(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET).stream()
                .map(x -> new TopicPartition(x.topic(), x.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static double rawConsume(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = consumerAtStart(bootstrap)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long count = 0;
            long bytes = 0;
            long started = System.nanoTime();
            while (count < total) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    bytes += r.value().length();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  (%,d records, %.1f MB of values in %.2f s)%n", count, bytes / 1e6, seconds);
            return count / seconds;
        }
    }

    /** The replay as it was: each event decoded, then its ticket read and written on its own. */
    private static double perEventReplay(String bootstrap, TicketViewUpdater updater, TicketViewStore store,
                                         int generation) {
        store.drop(generation);
        int limit = 30_000;
        try (KafkaConsumer<String, String> consumer = consumerAtStart(bootstrap)) {
            long count = 0;
            long started = System.nanoTime();
            while (count < limit) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (count++ < limit) {
                        updater.applyTo(generation, EventCodec.decode(r.value()));
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  (first %,d events in %.1f s)%n", limit, seconds);
            return limit / seconds;
        }
    }
}
