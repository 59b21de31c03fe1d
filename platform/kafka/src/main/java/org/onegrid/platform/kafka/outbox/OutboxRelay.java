package org.onegrid.platform.kafka.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.onegrid.events.EventCodec;
import org.onegrid.platform.kafka.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends outbox entries to Kafka, oldest first per aggregate, and removes each one only after the broker acknowledged
 * it (acks=all). A crash between the send and the removal sends the entry again after restart: delivery is
 * at-least-once and consumers drop the repeat by event id. If the broker is down, entries wait in their documents.
 *
 * <p>Runs on a timer and whenever a write {@linkplain #nudge() nudges} it. A write that names its aggregate
 * ({@link #nudge(String, Object)}) is relayed by {@code _id} alone: finding pending outboxes means scanning the
 * collection (no index serves "the outbox array is not empty" on the embedded server), which at a million tickets
 * costs most of a second, so busy services leave the scan to the timer as the safety net. The timer scans only when
 * something may be waiting: at start (a crashed predecessor's entries), after a failed send or an untargeted nudge,
 * while a scan keeps finding entries, and otherwise once per sweep interval (for an instance that died without
 * restarting). Several instances of a service may relay at once; that too only causes repeats, which consumers
 * drop.
 *
 * <p>A pass costs two database round trips whatever the number of aggregates it relays: one read of their outboxes
 * and one bulk write removing what was sent. Under load the relay runs on a starved core, and a round trip per
 * aggregate each way let it fall seconds behind the writes at a few hundred per second.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Ids per {@code $in} read: the embedded server matches each document found against the whole list. */
    private static final int IN_CHUNK = 250;

    private final MongoDatabase database;
    private final List<String> collections;
    private final KafkaTemplate<String, String> template;
    private final Duration pollInterval;
    private final Duration sweepInterval;
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** Entries may be waiting that no nudge will bring: scan on the next tick. */
    private final AtomicBoolean backlog = new AtomicBoolean(true);
    private volatile long lastScanNanos = System.nanoTime();
    private final AtomicBoolean targetsScheduled = new AtomicBoolean();
    private final Queue<Target> targets = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(MongoDatabase database, List<String> collections, KafkaTemplate<String, String> template,
                       Duration pollInterval) {
        this(database, collections, template, pollInterval, pollInterval);
    }

    public OutboxRelay(MongoDatabase database, List<String> collections, KafkaTemplate<String, String> template,
                       Duration pollInterval, Duration sweepInterval) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.template = template;
        this.pollInterval = pollInterval;
        this.sweepInterval = sweepInterval;
    }

    /** Asks for a relay pass soon, e.g. right after a command wrote to an outbox. */
    public void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && nudged.compareAndSet(false, true)) {
            running.execute(this::safeRelay);
        }
    }

    private record Target(String collection, Object id) {
    }

    /** Asks for this aggregate's outbox to be relayed soon, without a scan: right after a write appended to it. */
    public void nudge(String collection, Object aggregateId) {
        targets.add(new Target(collection, aggregateId));
        ScheduledExecutorService running = executor;
        if (running != null && targetsScheduled.compareAndSet(false, true)) {
            running.execute(this::safeRelayTargets);
        }
    }

    /**
     * Relays the outboxes of the aggregates named by {@link #nudge(String, Object)} since the last time.
     *
     * @return how many events were sent and acknowledged
     */
    public synchronized int relayTargets() {
        targetsScheduled.set(false);
        Map<String, Set<Object>> byCollection = new LinkedHashMap<>();
        for (Target t = targets.poll(); t != null; t = targets.poll()) {
            byCollection.computeIfAbsent(t.collection(), c -> new LinkedHashSet<>()).add(t.id());
        }
        int sent = 0;
        for (var entry : byCollection.entrySet()) {
            MongoCollection<Document> collection = database.getCollection(entry.getKey());
            List<Object> ids = new ArrayList<>(entry.getValue());
            List<Document> pending = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += IN_CHUNK) {
                for (Document aggregate : collection.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(),
                        i + IN_CHUNK)))).projection(Projections.include(Outbox.FIELD)).batchSize(IN_CHUNK)) {
                    if (!aggregate.getList(Outbox.FIELD, Document.class, List.of()).isEmpty()) {
                        pending.add(aggregate);
                    }
                }
            }
            int relayed = relay(collection, pending);
            if (relayed < entries(pending)) {
                backlog.set(true);
            }
            sent += relayed;
        }
        return sent;
    }

    /**
     * One pass over every outbox collection.
     *
     * @return how many events were sent and acknowledged
     */
    public synchronized int relayOnce() {
        nudged.set(false);
        // Stays set if this pass fails half-way.
        backlog.set(true);
        lastScanNanos = System.nanoTime();
        int sent = 0;
        boolean more = false;
        for (String name : collections) {
            MongoCollection<Document> collection = database.getCollection(name);
            List<Document> pending = collection.find(Filters.exists(Outbox.FIELD + ".0"))
                    .projection(Projections.include(Outbox.FIELD))
                    .limit(BATCH)
                    .into(new ArrayList<>());
            int relayed = relay(collection, pending);
            more |= pending.size() == BATCH || relayed < entries(pending);
            sent += relayed;
        }
        backlog.set(more);
        return sent;
    }

    private static int entries(List<Document> aggregates) {
        return aggregates.stream().mapToInt(a -> a.getList(Outbox.FIELD, Document.class, List.of()).size()).sum();
    }

    /** A timer tick: scans only when entries may be waiting that no nudge will bring. */
    private void tick() {
        if (backlog.get() || nudged.get() || System.nanoTime() - lastScanNanos >= sweepInterval.toNanos()) {
            safeRelay();
        }
    }

    /**
     * Aggregates are sent side by side (one chain of sends each, its events strictly one after another), so a pass
     * costs about one broker round trip instead of one per event: waiting for each acknowledgement in turn capped
     * the relay at a few hundred events per second.
     */
    private int relay(MongoCollection<Document> collection, List<Document> pending) {
        List<Chain> chains = new ArrayList<>();
        for (Document aggregate : pending) {
            chains.add(new Chain(aggregate));
        }
        Map<Object, List<String>> sent = new LinkedHashMap<>();
        int count = 0;
        for (Chain chain : chains) {
            List<String> ids = chain.finish();
            if (!ids.isEmpty()) {
                sent.put(chain.aggregate.get("_id"), ids);
                count += ids.size();
            }
        }
        if (!sent.isEmpty()) {
            acknowledge(collection, sent);
            Metrics.counter("onegrid.outbox.relayed", "collection", collection.getNamespace().getCollectionName())
                    .increment(count);
        }
        return count;
    }

    /** How many entries wait to be sent, across all outbox collections. */
    public long pending() {
        long total = 0;
        for (String name : collections) {
            for (Document d : database.getCollection(name).find(Filters.exists(Outbox.FIELD + ".0"))
                    .projection(Projections.include(Outbox.FIELD))) {
                total += d.getList(Outbox.FIELD, Document.class).size();
            }
        }
        return total;
    }

    /** One aggregate's pending entries, sent in order: each send starts when the one before it is acknowledged. */
    private final class Chain {
        private final Document aggregate;
        private final List<String> sentIds = java.util.Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<Void> done;

        Chain(Document aggregate) {
            this.aggregate = aggregate;
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Document entry : aggregate.getList(Outbox.FIELD, Document.class)) {
                chain = chain.thenCompose(x -> send(entry)).thenRun(() -> sentIds.add(entry.getString("eventId")));
            }
            this.done = chain;
        }

        /** Waits for the chain; the ids of the entries the broker acknowledged, in order. */
        List<String> finish() {
            try {
                done.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Stopped at the first failure, so that this aggregate's later events never overtake it.
                log.warn("Outbox of {} not fully sent yet ({} sent): {}", aggregate.get("_id"), sentIds.size(),
                        e.toString());
            }
            return List.copyOf(sentIds);
        }
    }

    private CompletableFuture<?> send(Document entry) {
        try {
            var record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"), entry.getString("value"));
            EventHeaders.write(EventCodec.decode(entry.getString("value").getBytes(StandardCharsets.UTF_8)),
                    record.headers());
            return template.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Removes sent entries, per aggregate the event ids the broker acknowledged, in one unordered bulk write: the
     * second half of the hand-over, after which a crash can no longer cause a repeat.
     */
    protected void acknowledge(MongoCollection<Document> collection, Map<Object, List<String>> sentByAggregate) {
        List<UpdateOneModel<Document>> removals = new ArrayList<>();
        sentByAggregate.forEach((id, eventIds) -> removals.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.pull(Outbox.FIELD, Filters.in("eventId", eventIds)))));
        collection.bulkWrite(removals, new BulkWriteOptions().ordered(false));
    }

    private void safeRelayTargets() {
        try {
            relayTargets();
        } catch (Exception e) {
            backlog.set(true);
            log.warn("Outbox relay of nudged aggregates failed; the next scan retries them: {}", e.toString());
        }
    }

    private void safeRelay() {
        try {
            relayOnce();
        } catch (Exception e) {
            log.warn("Outbox relay pass failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Outbox relay watching {} every {} (full scan at least every {})", collections, pollInterval,
                sweepInterval);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer factory is destroyed.
        return Integer.MAX_VALUE - 100;
    }
}
