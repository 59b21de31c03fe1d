package org.onegrid.analytics.events;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.onegrid.analytics.AnalyticsServiceApplication;
import org.onegrid.analytics.TicketStory;
import org.onegrid.embedded.KraftBroker;
import org.onegrid.embedded.MongoWireServer;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventHeaders;
import org.onegrid.platform.kafka.inbox.ProcessedEvents;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Not a test: live apply speed through the real ticket listener (the whole service, its container, inbox and views) on
 * an in-process broker and Mongo-wire server. Run by hand: {@code java -cp … LiveApplyBenchmark [events]}. Publishes
 * the events with the listeners stopped, starts them, and prints how long the service took until its inbox had them
 * all.
 */
public final class LiveApplyBenchmark {

    private static final String HANDLER = "analytics-ticket-views";

    private LiveApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (KraftBroker broker = KraftBroker.start(0, Files.createTempDirectory("bench-live-kafka"));
             MongoWireServer mongo = MongoWireServer.inMemory();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(AnalyticsServiceApplication.class)
                     .run("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                             "--spring.mongodb.uri=" + mongo.connectionString(),
                             "--spring.mongodb.database=bench-live", "--server.port=0",
                             "--logging.level.root=WARN")) {
            ProcessedEvents processed = new ProcessedEvents(app.getBean(MongoDatabase.class), java.time.Clock.systemUTC());
            // The events wait on the topic while the listeners are stopped, so that only applying them is timed.
            KafkaListenerEndpointRegistry listeners = app.getBean(KafkaListenerEndpointRegistry.class);
            listeners.stop();
            long producing = System.nanoTime();
            int sent = produce(broker.bootstrapServers(), events);
            double producedIn = (System.nanoTime() - producing) / 1e9;
            long started = System.nanoTime();
            listeners.start();
            long count = 0;
            long firstAt = 0;
            long countAtFirst = 0;
            while (count < sent) {
                Thread.sleep(100);
                count = processed.count(HANDLER);
                if (firstAt == 0 && count > 0) {
                    firstAt = System.nanoTime();
                    countAtFirst = count;
                }
            }
            long done = System.nanoTime();
            double seconds = (done - started) / 1e9;
            double applying = (done - firstAt) / 1e9;
            System.out.printf("live apply: %,d ticket events (produced in %.1f s beforehand) all applied %.1f s after the "
                    + "listeners started (group join included); from the first applied: %,d in %.1f s = %,.0f events/s%n",
                    sent, producedIn, seconds, sent - countAtFirst, applying, (sent - countAtFirst) / applying);
        }
        System.exit(0);
    }

    private static int produce(String bootstrap, int events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String[] districts = {"HT", "JY", "TY", "YZ", "YC"};
        Instant day = Instant.parse("2026-01-01T01:00:00Z");
        List<List<EventEnvelope>> stories = new ArrayList<>();
        int total = 0;
        for (int i = 0; total < events; i++) {
            TicketStory s = TicketStory.reported(districts[i % 5], "sanitation", day.plus(Duration.ofMinutes(i)))
                    .accepted().dispatched();
            if (i % 10 < 8) {
                s.resolved(i % 7 != 0, (i % 400) / 10.0);
            }
            if (i % 10 < 5) {
                s.rated(i % 3 == 0 ? "UNSATISFIED" : "SATISFIED");
            }
            stories.add(s.events());
            total += s.events().size();
        }
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // Interleaved in waves of 500 tickets, as on a live topic.
            for (int from = 0; from < stories.size(); from += 500) {
                List<List<EventEnvelope>> wave = stories.subList(from, Math.min(stories.size(), from + 500));
                for (int step = 0; step < 5; step++) {
                    for (List<EventEnvelope> story : wave) {
                        if (step < story.size() && sent < events) {
                            EventEnvelope e = story.get(step);
                            var record = new ProducerRecord<>(Topics.TICKET, e.subject(), EventCodec.encode(e));
                            EventHeaders.write(e, record.headers());
                            producer.send(record);
                            sent++;
                        }
                    }
                }
            }
            producer.flush();
        }
        return sent;
    }
}
