package org.onegrid.testing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.onegrid.platform.kafka.inbox.ProcessedEvents;
import org.onegrid.testing.SharedInfrastructure;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The inbox's batch form against a real Mongo wire server: each event id reaches the effect once across a batch, its
 * repeats inside the batch and later batches; more ids than one {@code $in} query takes; marks another delivery made
 * first are tolerated; and a poison record stops the batch at its index, with the records before it applied.
 */
class EventInboxBatchIT {

    private static final Instant AT = Instant.parse("2026-11-02T01:00:00Z");
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfrastructure.get().mongoUri());
        database = client.getDatabase("it-inbox-batch-" + System.nanoTime());
    }

    @AfterAll
    static void close() {
        database.drop();
        client.close();
    }

    @Test
    void eachEventReachesTheEffectOnceAcrossRepeatsAndBatches() {
        ProcessedEvents processed = new ProcessedEvents(database, Clock.systemUTC());
        EventInbox inbox = new EventInbox(processed);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(appeal());
        }
        List<ConsumerRecord<String, String>> first = records(events.subList(0, 400));
        first.addAll(records(events.subList(0, 10)));
        List<String> applied = new ArrayList<>();

        int n = inbox.handleBatchOnce("h", first, EventEnvelope::id, applied::addAll);

        assertThat(n).isEqualTo(400);
        assertThat(applied).containsExactlyElementsOf(events.subList(0, 400).stream().map(EventEnvelope::id).toList());
        // Another delivery marked some of the next batch's events first, after this one had read the marks.
        processed.markAllProcessed("h", events.subList(400, 450));
        processed.markAllProcessed("h", events.subList(400, 500));
        assertThat(processed.processedOf("h", events.stream().map(EventEnvelope::id).toList())).hasSize(500);

        applied.clear();
        n = inbox.handleBatchOnce("h", records(events), EventEnvelope::id, applied::addAll);

        assertThat(n).isEqualTo(100);
        assertThat(applied).containsExactlyElementsOf(events.subList(500, 600).stream().map(EventEnvelope::id).toList());
        assertThat(processed.count("h")).isEqualTo(600);
        assertThat(processed.count("another-handler")).isZero();
    }

    @Test
    void aPoisonRecordStopsTheBatchAtItsIndexAfterApplyingTheRecordsBeforeIt() {
        ProcessedEvents processed = new ProcessedEvents(database, Clock.systemUTC());
        EventInbox inbox = new EventInbox(processed);
        List<EventEnvelope> events = List.of(appeal(), appeal(), appeal(), appeal());
        List<ConsumerRecord<String, String>> batch = records(events.subList(0, 2));
        batch.add(new ConsumerRecord<>(Topics.CENTER, 0, 99, "k", "{not json"));
        batch.addAll(records(events.subList(2, 4)));
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> inbox.handleBatchOnce("p", batch, EventEnvelope::id, applied::addAll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(InvalidEventException.class);
                });
        assertThat(applied).containsExactly(events.get(0).id(), events.get(1).id());
        assertThat(processed.count("p")).isEqualTo(2);

        // The effect failing (here: as if the database went away) marks nothing and names the whole batch.
        List<ConsumerRecord<String, String>> rest = records(events.subList(2, 4));
        assertThatThrownBy(() -> inbox.handleBatchOnce("p", rest, EventEnvelope::id, ids -> {
            throw new IllegalStateException("views unavailable");
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero());
        assertThat(processed.count("p")).isEqualTo(2);
    }

    @Test
    void eventsTheHandlerTurnsDownCostNoMarkButPoisonIsStillRefused() {
        ProcessedEvents processed = new ProcessedEvents(database, Clock.systemUTC());
        EventInbox inbox = new EventInbox(processed);
        EventEnvelope wanted = appeal();
        EventEnvelope other = appeal();
        List<String> applied = new ArrayList<>();
        var relevant = (java.util.function.Predicate<EventEnvelope>) e -> e.id().equals(wanted.id());

        assertThat(inbox.handleOnce("picky", records(List.of(other)).get(0), relevant, e -> applied.add(e.id())))
                .isFalse();
        assertThat(inbox.handleOnce("picky", records(List.of(wanted)).get(0), relevant, e -> applied.add(e.id())))
                .isTrue();
        assertThat(inbox.handleOnce("picky", records(List.of(wanted)).get(0), relevant, e -> applied.add(e.id())))
                .as("a repeat of a wanted event").isFalse();

        assertThat(applied).containsExactly(wanted.id());
        assertThat(processed.processedOf("picky", List.of(wanted.id(), other.id()))).containsExactly(wanted.id());
        var poison = new ConsumerRecord<>(Topics.CENTER, 0, 9L, "k", "{\"not\": \"an envelope\"}");
        assertThatThrownBy(() -> inbox.handleOnce("picky", poison, e -> false, e -> applied.add(e.id())))
                .isInstanceOf(InvalidEventException.class);
    }

    private static EventEnvelope appeal() {
        String id = "ap-" + UUID.randomUUID();
        var payload = new CenterEvents.AppealSubmitted(id, "c-1", "三亚湾党群服务中心", "TY", "TY-SYW", "noise",
                "夜间施工噪音", null, null, "r-1", AT);
        return EventEnvelope.create(CenterEvents.APPEAL_SUBMITTED, "/onegrid/service-center-service", id, payload,
                "test", AT);
    }

    private static List<ConsumerRecord<String, String>> records(List<EventEnvelope> events) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long offset = 0;
        for (EventEnvelope e : events) {
            records.add(new ConsumerRecord<>(Topics.CENTER, 0, offset++, e.subject(), EventCodec.encode(e)));
        }
        return records;
    }
}
