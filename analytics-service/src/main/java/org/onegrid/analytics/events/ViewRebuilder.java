package org.onegrid.analytics.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventCodec;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the views by replaying the topics from the beginning into a fresh generation, then switches readers to it
 * in one write. While it runs, the live consumer applies events past the replay's end offsets to both generations
 * ({@link ReplayHorizon}), so nothing that arrives during the replay is missed; the merge is idempotent, so an event
 * applied by both is counted once.
 *
 * <p>A replay folds each ticket's events in memory and writes the ticket's record once for many of its events. A
 * ticket's life is spread over the topic (reported today, rated days later), so the fold keeps a window of the
 * {@code onegrid.analytics.rebuild.window-tickets} tickets touched last; when the window is full, the
 * {@code onegrid.analytics.rebuild.batch-size} tickets touched longest ago are written with one bulk request.
 */
@Component
public class ViewRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilder.class);

    public record Progress(String id, String state, Integer generation, long processed, long total,
                           long invalid, Instant startedAt, Instant finishedAt, String error) {
        public double percent() {
            return total == 0 ? 100.0 : Math.min(100.0, Math.round(processed * 1000.0 / total) / 10.0);
        }
    }

    private final ConsumerFactory<String, String> consumers;
    private final TicketViewUpdater updater;
    private final ActivityEventUpdater activities;
    private final TicketViewStore store;
    private final ActivityEventStore activityStore;
    private final ViewGenerations generations;
    private final ReplayHorizon horizon;
    private final Clock clock;
    private final int batchSize;
    private final int windowTickets;
    private final AtomicReference<Progress> progress = new AtomicReference<>(
            new Progress(null, "IDLE", null, 0, 0, 0, null, null, null));

    public ViewRebuilder(ConsumerFactory<String, String> consumers, TicketViewUpdater updater,
                         ActivityEventUpdater activities, TicketViewStore store, ActivityEventStore activityStore,
                         ViewGenerations generations, ReplayHorizon horizon, Clock clock,
                         @Value("${onegrid.analytics.rebuild.batch-size:10000}") int batchSize,
                         @Value("${onegrid.analytics.rebuild.window-tickets:100000}") int windowTickets) {
        // At least one ticket per write: the final flush takes batches until the window is empty.
        this.batchSize = Math.max(1, batchSize);
        this.windowTickets = Math.max(0, windowTickets);
        this.consumers = consumers;
        this.updater = updater;
        this.activities = activities;
        this.store = store;
        this.activityStore = activityStore;
        this.generations = generations;
        this.horizon = horizon;
        this.clock = clock;
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background; null if one is already running. */
    public Progress start() {
        Integer generation = generations.beginBuilding();
        if (generation == null) {
            return null;
        }
        Progress started = new Progress(UUID.randomUUID().toString(), "RUNNING", generation, 0, 0, 0,
                clock.instant(), null, null);
        progress.set(started);
        Thread worker = new Thread(() -> run(started), "view-rebuild");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    private void run(Progress started) {
        int generation = started.generation();
        store.drop(generation);
        activityStore.drop(generation);
        Map<String, Object> overrides = Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "analytics-rebuild-" + started.id(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (Consumer<String, String> consumer = consumers.createConsumer(null, null, null, toProperties(overrides))) {
            List<TopicPartition> partitions = List.of(Topics.TICKET, Topics.TALENT, Topics.CENTER).stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            horizon.set(generation, end);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            long processed = 0;
            long invalid = 0;
            update(started, generation, processed, total, invalid);
            // In the order touched last (access order): the head is the ticket whose next event is least likely.
            Map<String, List<TicketChange>> window = new LinkedHashMap<>(16, 0.75f, true);
            List<Document> activity = new ArrayList<>();
            boolean done = caughtUp(consumer, end);
            while (!done) {
                List<ConsumerRecord<String, String>> polled = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        polled.add(record);
                    }
                }
                // Parsing and checking the JSON is most of a replay's own work and each record's is independent, so
                // it runs in parallel; folding and writing stay on this thread (the merge ignores order anyway).
                for (Object decoded : polled.parallelStream().map(this::decode).toList()) {
                    if (decoded instanceof TicketChange change) {
                        window.computeIfAbsent(change.ticket().ticketId(), id -> new ArrayList<>()).add(change);
                        if (window.size() >= windowTickets + batchSize) {
                            updater.applyAll(generation, leastRecentlyTouched(window, batchSize));
                        }
                    } else if (decoded instanceof Document document) {
                        activity.add(document);
                    } else {
                        // The live consumer sent this record to the DLT; the replay skips it the same way.
                        invalid++;
                    }
                    processed++;
                }
                done = caughtUp(consumer, end);
                while (done && !window.isEmpty()) {
                    updater.applyAll(generation, leastRecentlyTouched(window, batchSize));
                }
                if (activity.size() >= batchSize || done) {
                    activities.applyAll(generation, activity);
                    activity.clear();
                }
                update(started, generation, processed, total, invalid);
            }
            int previous = generations.current().active();
            generations.switchTo(generation);
            store.drop(previous);
            activityStore.drop(previous);
            progress.set(new Progress(started.id(), "DONE", generation, processed, total, invalid,
                    started.startedAt(), clock.instant(), null));
            log.info("Views rebuilt into generation {} from {} events ({} invalid skipped)", generation, processed,
                    invalid);
        } catch (RuntimeException e) {
            generations.abandonBuilding();
            log.error("View rebuild failed; the live views are unchanged", e);
            Progress p = progress.get();
            progress.set(new Progress(started.id(), "FAILED", generation, p.processed(), p.total(), p.invalid(),
                    started.startedAt(), clock.instant(), e.getMessage()));
        } finally {
            horizon.clear(generation);
        }
    }

    /** Takes up to n tickets out of the window, those touched longest ago first. */
    private static Map<String, List<TicketChange>> leastRecentlyTouched(Map<String, List<TicketChange>> window,
                                                                        int n) {
        Map<String, List<TicketChange>> oldest = new LinkedHashMap<>();
        var entries = window.entrySet().iterator();
        while (entries.hasNext() && oldest.size() < n) {
            var entry = entries.next();
            oldest.put(entry.getKey(), entry.getValue());
            entries.remove();
        }
        return oldest;
    }

    /** A ticket record's change, an activity event's document, or null for a record the live consumer rejects. */
    private Object decode(ConsumerRecord<String, String> record) {
        try {
            var envelope = EventCodec.decode(record.value());
            return record.topic().equals(Topics.TICKET) ? TicketChanges.from(envelope) : activities.document(envelope);
        } catch (InvalidEventException e) {
            return null;
        }
    }

    private void update(Progress started, int generation, long processed, long total, long invalid) {
        progress.set(new Progress(started.id(), "RUNNING", generation, processed, total, invalid,
                started.startedAt(), null, null));
    }

    private static boolean caughtUp(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static java.util.Properties toProperties(Map<String, Object> map) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(map);
        return p;
    }
}
