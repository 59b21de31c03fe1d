package org.onegrid.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onegrid.analytics.TicketStory;
import org.onegrid.analytics.domain.TicketRecord;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.embedded.MongoWireServer;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventHeaders;
import org.onegrid.platform.kafka.inbox.ProcessedEvents;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Analytics' database goes away while ticket events keep coming, for longer than the retries a record gets before it
 * would be set aside: once the database is back, every event is applied, once, and none went to the DLT.
 *
 * <p>Its own Mongo-wire server (kept in a file, so it can stop and start again on the same port), its own consumer
 * group reading only what is published while it runs, and its context closed afterwards: the other tests' instance
 * keeps its partitions and DLT records.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.kafka.consumer.group-id=analytics-outage-test",
                "spring.kafka.consumer.auto-offset-reset=latest", "onegrid.kafka.retry.attempts=2",
                "onegrid.kafka.retry.max-interval=1s"})
@DirtiesContext
class DatabaseOutageIT {

    private static final Path FILE = tempFile();
    private static final int PORT = freePort();
    private static MongoWireServer mongo = MongoWireServer.persistent(FILE, PORT);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT
                + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
        registry.add("spring.mongodb.database", () -> "it-analytics-outage");
    }

    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    TicketViewStore store;
    @Autowired
    ViewGenerations generations;
    @Autowired
    ProcessedEvents processed;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void eventsThatArriveWhileTheDatabaseIsDownAreAppliedOnceWhenItIsBack() throws Exception {
        await("the listener has its partitions", () -> listeners.getListenerContainers().stream()
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
        // Assigned, then positioned at the end on the next poll: what is sent before that would be skipped.
        Thread.sleep(1_000);
        Instant morning = Instant.parse("2026-08-01T01:00:00Z");
        List<TicketStory> first = new ArrayList<>();
        List<TicketStory> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(TicketStory.reported("OUT", "water", morning).accepted());
            during.add(TicketStory.reported("OUT", "water", morning).accepted().dispatched().resolved(true, 1.0));
        }
        int active = generations.current().active();
        send(first);
        Set<String> firstIds = ids(first);
        await("the first events applied", () -> eventsIn(active, firstIds) == 10);
        long before = processed.count(TicketEventsListener.HANDLER);

        mongo.close();
        send(during);
        // Twice what two retries with back-off take before a record would go to the DLT.
        Thread.sleep(6_000);
        mongo = MongoWireServer.persistent(FILE, PORT);

        Set<String> duringIds = ids(during);
        await("the events of the outage applied", () -> eventsIn(active, duringIds) == 20);
        // A poll's events are marked applied in the inbox right after the views are written.
        await("the events of the outage marked applied",
                () -> processed.count(TicketEventsListener.HANDLER) >= before + 20);
        assertThat(processed.count(TicketEventsListener.HANDLER)).isEqualTo(before + 20);
        for (TicketRecord r : records(active, duringIds)) {
            assertThat(r.events()).hasSize(4);
            assertThat(r.latest().status()).isEqualTo("RESOLVED");
        }
        assertThat(eventsIn(active, firstIds)).isEqualTo(10);
    }

    private void send(List<TicketStory> stories) {
        for (TicketStory s : stories) {
            for (EventEnvelope e : s.events()) {
                var record = new ProducerRecord<>(Topics.TICKET, e.subject(), EventCodec.encode(e));
                EventHeaders.write(e, record.headers());
                template.send(record);
            }
        }
        template.flush();
    }

    private static Set<String> ids(List<TicketStory> stories) {
        return stories.stream().map(TicketStory::ticketId).collect(Collectors.toSet());
    }

    private List<TicketRecord> records(int generation, Set<String> tickets) {
        return store.find(generation, TicketViewStore.Query.ALL).stream()
                .filter(r -> tickets.contains(r.ticketId())).toList();
    }

    private long eventsIn(int generation, Set<String> tickets) {
        try {
            return records(generation, tickets).stream().mapToLong(r -> r.events().size()).sum();
        } catch (RuntimeException databaseNotBackYet) {
            return -1;
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }

    private static Path tempFile() {
        try {
            return Files.createTempDirectory("analytics-outage").resolve("mongo.mv");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
