package org.onegrid.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.analytics.TicketStory;
import org.onegrid.analytics.domain.TicketRecord;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.events.talent.TalentEvents;
import org.onegrid.platform.kafka.inbox.ProcessedEvents;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live ticket consumer takes a poll at a time: a burst of events gives the same records and figures as applying
 * them one by one; the same events delivered again (with or without the inbox's marks) change nothing; and a record
 * that cannot be read, in the middle of a batch, goes to the DLT with its reason while the records around it are
 * applied once. Each test uses district codes of its own, so the other tests' tickets in the database do not count.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mongodb.database=it-analytics", "onegrid.analytics.metrics-refresh=500ms"})
class LiveTicketBatchIT {

    private static final Instant MORNING = Instant.parse("2026-09-01T01:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] DISTRICTS = {"HT", "JY", "TY", "YZ", "YC"};

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    TicketViewStore store;
    @Autowired
    ViewGenerations generations;
    @Autowired
    MongoDatabase database;
    @Autowired
    ReplayHorizon horizon;

    @Test
    void aBurstGivesTheSameRecordsAndFiguresAsOneEventAtATime() throws Exception {
        String prefix = uniquePrefix();
        List<TicketStory> stories = new ArrayList<>();
        Map<String, Map<String, Integer>> expectedStatus = new TreeMap<>();
        for (int i = 0; i < 50; i++) {
            String district = prefix + DISTRICTS[i % 5];
            TicketStory s = TicketStory.reported(district, "sanitation", MORNING.plusSeconds(60L * i)).accepted()
                    .dispatched();
            String status = switch ((i / 5) % 5) {
                case 0 -> {
                    s.returned().dispatched().resolved(true, 2.0).rated("SATISFIED");
                    yield "CLOSED";
                }
                case 1 -> {
                    s.resolved(false, 9.0).rated("UNSATISFIED").reopened();
                    yield "REOPENED";
                }
                case 2 -> {
                    s.warned().escalated().resolved(true, 4.0);
                    yield "RESOLVED";
                }
                case 3 -> {
                    s.warned().escalated();
                    yield "DISPATCHED";
                }
                default -> {
                    s.returned().dispatched().resolved(true, 1.0).rated("BASICALLY_SATISFIED");
                    yield "CLOSED";
                }
            };
            stories.add(s);
            expectedStatus.computeIfAbsent(district, d -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }
        List<EventEnvelope> interleaved = interleave(stories);
        assertThat(interleaved).hasSizeGreaterThanOrEqualTo(300);
        List<EventEnvelope> burst = new ArrayList<>(interleaved);
        // Some events twice in the same burst: within a poll and across polls, each counts once.
        burst.addAll(interleaved.subList(0, 40));
        DistributionSummary batches = batchSizes();
        double largestBefore = batches == null ? 0 : batches.max();

        sendAtOnce(burst);

        int active = generations.current().active();
        Set<String> tickets = ids(stories);
        await("every event of the burst applied", () -> eventsIn(active, tickets) == interleaved.size());
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        for (TicketRecord r : records(active, tickets)) {
            statuses.computeIfAbsent(r.latest().districtCode(), d -> new TreeMap<>())
                    .merge(r.latest().status(), 1, Integer::sum);
        }
        assertThat(statuses).isEqualTo(expectedStatus);
        for (String d : DISTRICTS) {
            // Two tickets of each of the five stories per district.
            JsonNode f = figures(prefix + d);
            assertThat(f.path("received").asLong()).as(d + " received").isEqualTo(10);
            assertThat(f.path("accepted").asLong()).as(d + " accepted").isEqualTo(10);
            assertThat(f.path("dispatched").asLong()).as(d + " dispatched").isEqualTo(10);
            assertThat(f.path("returned").asLong()).as(d + " returned").isEqualTo(4);
            assertThat(f.path("resolved").asLong()).as(d + " resolved").isEqualTo(6);
            assertThat(f.path("rated").asLong()).as(d + " rated").isEqualTo(6);
            assertThat(f.path("unsatisfied").asLong()).as(d + " unsatisfied").isEqualTo(2);
            assertThat(f.path("reopened").asLong()).as(d + " reopened").isEqualTo(2);
            assertThat(f.path("warnings").asLong()).as(d + " warnings").isEqualTo(4);
            assertThat(f.path("escalations").asLong()).as(d + " escalations").isEqualTo(4);
        }

        // The same events applied one at a time, as the per-record consumer did, into a scratch generation.
        int scratch = 9_000 + (int) (System.nanoTime() % 900);
        store.drop(scratch);
        for (EventEnvelope e : interleaved) {
            store.apply(scratch, TicketChanges.from(e));
        }
        assertThat(dump(active, tickets)).isEqualTo(dump(scratch, tickets));
        store.drop(scratch);

        batches = batchSizes();
        assertThat(batches).as("the listener took batches").isNotNull();
        assertThat(Math.max(batches.max(), largestBefore)).as("some poll held more than one record")
                .isGreaterThan(1);
    }

    @Test
    void whileARebuildRunsABatchGoesIntoBothGenerations() throws Exception {
        String prefix = uniquePrefix();
        List<TicketStory> stories = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stories.add(TicketStory.reported(prefix + DISTRICTS[i % 5], "transport", MORNING).accepted().dispatched()
                    .resolved(true, 2.0));
        }
        List<EventEnvelope> events = interleave(stories);
        Set<String> tickets = ids(stories);
        int active = generations.current().active();
        // As ViewRebuilder marks it (without its replay, which would also bring these events in).
        Integer building = generations.beginBuilding();
        assertThat(building).as("no other rebuild under way").isNotNull();
        try {
            store.drop(building);
            sendAtOnce(events);
            await("applied to the live views", () -> eventsIn(active, tickets) == events.size());
            await("applied to the views being built", () -> eventsIn(building, tickets) == events.size());
            assertThat(dump(building, tickets)).isEqualTo(dump(active, tickets));
        } finally {
            generations.abandonBuilding();
            store.drop(building);
        }
    }

    @Test
    void whatTheRebuildWillReplayTheLiveConsumerLeavesToIt() throws Exception {
        String prefix = uniquePrefix();
        List<TicketStory> early = new ArrayList<>();
        List<TicketStory> late = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            early.add(TicketStory.reported(prefix + DISTRICTS[i % 5], "roads", MORNING).accepted().dispatched());
            late.add(TicketStory.reported(prefix + DISTRICTS[i % 5], "roads", MORNING).accepted().resolved(true, 1.0));
        }
        List<EventEnvelope> earlyEvents = interleave(early);
        List<EventEnvelope> lateEvents = interleave(late);
        Set<String> earlyTickets = ids(early);
        Set<String> lateTickets = ids(late);
        int active = generations.current().active();
        Integer building = generations.beginBuilding();
        assertThat(building).as("no other rebuild under way").isNotNull();
        try {
            store.drop(building);
            // As ViewRebuilder does when it starts: it will replay each partition up to these offsets. They lie
            // beyond the events sent next, as if those had been in the topic when the rebuild began.
            Map<TopicPartition, Long> beyond = new HashMap<>();
            TicketTopic.ticketEndOffsets().forEach((tp, end) -> beyond.put(tp, end + 100_000));
            horizon.set(building, beyond);
            sendAtOnce(earlyEvents);
            await("early events applied to the live views", () -> eventsIn(active, earlyTickets) == earlyEvents.size());

            // Events after the rebuild's end offsets reach the new generation only through the live consumer.
            horizon.set(building, TicketTopic.ticketEndOffsets());
            sendAtOnce(lateEvents);
            await("late events applied to the live views", () -> eventsIn(active, lateTickets) == lateEvents.size());
            await("late events applied to the views being built",
                    () -> eventsIn(building, lateTickets) == lateEvents.size());
            assertThat(dump(building, lateTickets)).isEqualTo(dump(active, lateTickets));
            assertThat(eventsIn(building, earlyTickets)).as("left to the replay").isZero();
        } finally {
            horizon.clear(building);
            generations.abandonBuilding();
            store.drop(building);
        }
    }

    @Test
    void theSameEventsDeliveredAgainChangeNothing() throws Exception {
        String prefix = uniquePrefix();
        List<TicketStory> stories = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stories.add(TicketStory.reported(prefix + DISTRICTS[i % 5], "housing", MORNING).accepted().dispatched()
                    .resolved(i % 2 == 0, 3.0).rated(i % 3 == 0 ? "UNSATISFIED" : "SATISFIED"));
        }
        List<EventEnvelope> events = interleave(stories);
        Set<String> tickets = ids(stories);
        int active = generations.current().active();
        sendAtOnce(events);
        await("applied", () -> eventsIn(active, tickets) == events.size());
        List<Document> records = dump(active, tickets);
        String figures = figures(prefix + "HT").toString();
        long marked = processedCount(events);
        assertThat(marked).isEqualTo(events.size());

        // A crash between applying a batch and marking it in the inbox: the marks are gone, the batch comes again
        // and is applied a second time — which must change nothing.
        List<String> keys = events.stream().map(e -> TicketEventsListener.HANDLER + "|" + e.id()).toList();
        database.getCollection(ProcessedEvents.COLLECTION).deleteMany(Filters.in("_id", keys));
        assertThat(processedCount(events)).isZero();
        sendAtOnce(events);
        await("the batch marked again", () -> processedCount(events) == events.size());
        assertThat(dump(active, tickets)).isEqualTo(records);
        assertThat(figures(prefix + "HT").toString()).isEqualTo(figures);

        // An ordinary redelivery, marks in place: the inbox skips the whole batch.
        double skippedBefore = duplicates();
        sendAtOnce(events);
        await("the batch skipped as duplicates", () -> duplicates() >= skippedBefore + events.size());
        assertThat(dump(active, tickets)).isEqualTo(records);
        assertThat(figures(prefix + "HT").toString()).isEqualTo(figures);
        assertThat(processedCount(events)).isEqualTo(events.size());
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchGoesToTheDltAndTheRestIsAppliedOnce() throws Exception {
        String prefix = uniquePrefix();
        TicketStory before = TicketStory.reported(prefix + "HT", "water", MORNING).accepted().dispatched()
                .resolved(true, 1.0).rated("SATISFIED");
        TicketStory after = TicketStory.reported(prefix + "HT", "water", MORNING).accepted().dispatched();
        String marker = "poison-" + UUID.randomUUID();
        // A talent event is a valid envelope, but not on the ticket topic.
        EventEnvelope talent = EventEnvelope.create(TalentEvents.STAY_STARTED, "/onegrid/talent-service", marker,
                new TalentEvents.StayStarted("t-" + marker, "s-1", "SNOWBIRD", List.of("medicine/tcm"), "YC",
                        "2026-01-15", "2026-03-10", List.of("2026-01", "2026-02", "2026-03")), "test", MORNING);
        String badJson = "{\"specversion\":\"1.0\",\"id\":\"" + marker + "\",\"type\":";
        String key = "batch-" + marker;
        // One key, so one partition, in this order: the poison sits between valid records of the same poll.
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        before.events().forEach(e -> records.add(TicketTopic.record(key, EventCodec.encode(e), e)));
        records.add(new ProducerRecord<>(Topics.TICKET, key, badJson));
        records.add(TicketTopic.record(key, EventCodec.encode(talent), talent));
        after.events().forEach(e -> records.add(TicketTopic.record(key, EventCodec.encode(e), e)));
        for (var r : records) {
            template.send(r);
        }
        template.flush();

        List<ConsumerRecord<String, String>> dead = TicketTopic.deadLetters(marker, 2);
        assertThat(dead).hasSize(2);
        for (ConsumerRecord<String, String> d : dead) {
            assertThat(TicketTopic.header(d, "onegrid-dlt-reason")).startsWith("InvalidEventException");
            assertThat(TicketTopic.header(d, "kafka_dlt-original-consumer-group")).isEqualTo("analytics-service");
        }
        assertThat(TicketTopic.header(dead.get(0), "onegrid-dlt-reason")).contains("not a CloudEvents envelope");
        assertThat(TicketTopic.header(dead.get(1), "onegrid-dlt-reason")).contains("does not belong on topic");

        int active = generations.current().active();
        Set<String> tickets = Set.of(before.ticketId(), after.ticketId());
        int valid = before.events().size() + after.events().size();
        await("the valid records around the poison applied", () -> eventsIn(active, tickets) == valid);
        List<EventEnvelope> all = new ArrayList<>(before.events());
        all.addAll(after.events());
        assertThat(processedCount(all)).isEqualTo(valid);
        JsonNode f = figures(prefix + "HT");
        assertThat(f.path("received").asLong()).isEqualTo(2);
        assertThat(f.path("dispatched").asLong()).isEqualTo(2);
        assertThat(f.path("resolved").asLong()).isEqualTo(1);
        assertThat(f.path("rated").asLong()).isEqualTo(1);
        // Set aside at once, not retried into the DLT several times.
        assertThat(TicketTopic.deadLetters(marker, 0)).hasSize(2);
    }

    private static String uniquePrefix() {
        return "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }

    /** Stories' events in waves, as on a live topic: a ticket's events spread out among the others'. */
    private static List<EventEnvelope> interleave(List<TicketStory> stories) {
        List<EventEnvelope> all = new ArrayList<>();
        int longest = stories.stream().mapToInt(s -> s.events().size()).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (TicketStory s : stories) {
                if (step < s.events().size()) {
                    all.add(s.events().get(step));
                }
            }
        }
        return all;
    }

    private static Set<String> ids(List<TicketStory> stories) {
        Set<String> ids = new HashSet<>();
        stories.forEach(s -> ids.add(s.ticketId()));
        return ids;
    }

    /** All at once, without waiting for each send, so that the consumer's polls hold many records. */
    private void sendAtOnce(List<EventEnvelope> events) {
        for (EventEnvelope e : events) {
            template.send(TicketTopic.record(e.subject(), EventCodec.encode(e), e));
        }
        template.flush();
    }

    private List<TicketRecord> records(int generation, Set<String> tickets) {
        return store.find(generation, TicketViewStore.Query.ALL).stream()
                .filter(r -> tickets.contains(r.ticketId())).toList();
    }

    private long eventsIn(int generation, Set<String> tickets) {
        return records(generation, tickets).stream().mapToLong(r -> r.events().size()).sum();
    }

    private List<Document> dump(int generation, Set<String> tickets) {
        return store.dump(generation).stream().filter(d -> tickets.contains(d.getString("_id"))).toList();
    }

    private long processedCount(List<EventEnvelope> events) {
        List<String> keys = events.stream().map(e -> TicketEventsListener.HANDLER + "|" + e.id()).toList();
        return database.getCollection(ProcessedEvents.COLLECTION).countDocuments(Filters.in("_id", keys));
    }

    private static DistributionSummary batchSizes() {
        return Metrics.globalRegistry.find("onegrid.events.batch.size")
                .tag("handler", TicketEventsListener.HANDLER).summary();
    }

    private static double duplicates() {
        var counter = Metrics.globalRegistry.find("onegrid.events.duplicates")
                .tag("handler", TicketEventsListener.HANDLER).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode figures(String district) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/analytics/tickets/figures?district=" + district)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode rows = JSON.readTree(response.body()).path("rows");
            return rows.isEmpty() ? JSON.createObjectNode() : rows.get(0).path("figures");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
