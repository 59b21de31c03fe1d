package org.onegrid.platform.kafka.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The way into a service for consumed events: checks that a record is an envelope of a catalogued type whose payload
 * matches its record (otherwise {@link InvalidEventException}, which the error handler sends straight to the DLT),
 * and applies each event id at most once per handler.
 *
 * <p>The handler's effect runs before the event is marked processed, so a crash in between re-applies it on
 * redelivery: effects should be idempotent on their own where they can (upserts keyed by the event's aggregate),
 * and the mark stops the ordinary re-sends, which are the common case.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final ProcessedEvents processed;

    public EventInbox(ProcessedEvents processed) {
        this.processed = processed;
    }

    /** Parses and validates a record's value. */
    public EventEnvelope read(ConsumerRecord<?, String> record) {
        EventEnvelope envelope = EventCodec.decode(record.value());
        EventType<?> type = EventCatalog.find(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        if (!type.topic().equals(record.topic()) && !record.topic().endsWith(".DLT")) {
            throw new InvalidEventException(envelope.type() + " does not belong on topic " + record.topic());
        }
        EventCodec.payload(envelope, type);
        return envelope;
    }

    /**
     * Reads the record and runs {@code effect} unless {@code handler} has already applied this event id.
     *
     * @return true if the effect ran
     */
    public boolean handleOnce(String handler, ConsumerRecord<?, String> record, Consumer<EventEnvelope> effect) {
        return handleOnce(handler, record, envelope -> true, effect);
    }

    /**
     * For a handler that acts on few of the events it reads: the record is still checked (poison goes to the DLT as
     * always), but an event {@code relevant} turns down costs no inbox round trips, having no effect to repeat.
     *
     * @return true if the effect ran
     */
    public boolean handleOnce(String handler, ConsumerRecord<?, String> record, Predicate<EventEnvelope> relevant,
                              Consumer<EventEnvelope> effect) {
        EventEnvelope envelope = read(record);
        if (!relevant.test(envelope)) {
            return false;
        }
        if (processed.isProcessed(handler, envelope.id())) {
            log.info("Skipping duplicate event {} ({}) for {}", envelope.id(), envelope.type(), handler);
            Metrics.counter("onegrid.events.duplicates", "handler", handler).increment();
            return false;
        }
        effect.accept(envelope);
        processed.markProcessed(handler, envelope.id(), envelope.type());
        Metrics.counter("onegrid.events.consumed", "handler", handler, "type", envelope.type()).increment();
        return true;
    }

    /**
     * The batch form of {@link #handleOnce}, for a batch listener: reads every record of a poll, {@code convert}s
     * each event (where an {@link InvalidEventException} marks the record as poison, as {@code read} does), and hands
     * {@code effect} the events this handler has not applied yet, in record order, each id once. Which ids are
     * already applied is one query for the whole poll, and they are all marked applied with one write afterwards.
     *
     * <p>As in {@link #handleOnce}, the effect runs before the mark, so it must tolerate being run again for an event
     * after a crash in between.
     *
     * <p>A record that cannot be read or converted stops the batch there: the records before it are applied and
     * marked, then a {@link BatchListenerFailedException} naming its index makes the container's error handler
     * commit those, set the bad record aside ({@link InvalidEventException}: to the DLT at once; anything else after
     * its retries) and deliver the rest again. A failure of the effect or of the inbox itself names index 0: nothing
     * is committed and the whole batch is retried with back-off; what was already applied is skipped or re-applied
     * idempotently.
     *
     * @return how many events the effect was given
     */
    public <T> int handleBatchOnce(String handler, List<? extends ConsumerRecord<?, String>> records,
                                   Function<EventEnvelope, T> convert, Consumer<List<T>> effect) {
        return handleBatchOnce(handler, records, (record, envelope) -> convert.apply(envelope), effect);
    }

    /** As {@link #handleBatchOnce(String, List, Function, Consumer)}, for a conversion that needs the record too. */
    public <T> int handleBatchOnce(String handler, List<? extends ConsumerRecord<?, String>> records,
                                   BiFunction<ConsumerRecord<?, String>, EventEnvelope, T> convert,
                                   Consumer<List<T>> effect) {
        Map<String, EventEnvelope> envelopes = new LinkedHashMap<>();
        Map<String, T> converted = new LinkedHashMap<>();
        int duplicates = 0;
        int failedAt = -1;
        RuntimeException failure = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                EventEnvelope envelope = read(records.get(i));
                T value = convert.apply(records.get(i), envelope);
                if (envelopes.putIfAbsent(envelope.id(), envelope) == null) {
                    converted.put(envelope.id(), value);
                } else {
                    duplicates++;
                }
            } catch (RuntimeException e) {
                failedAt = i;
                failure = e;
                break;
            }
        }
        int applied;
        try {
            Set<String> done = envelopes.isEmpty() ? Set.of() : processed.processedOf(handler, envelopes.keySet());
            duplicates += done.size();
            List<EventEnvelope> fresh = new ArrayList<>(envelopes.size());
            List<T> values = new ArrayList<>(envelopes.size());
            envelopes.forEach((id, envelope) -> {
                if (!done.contains(id)) {
                    fresh.add(envelope);
                    values.add(converted.get(id));
                }
            });
            if (!values.isEmpty()) {
                effect.accept(values);
                processed.markAllProcessed(handler, fresh);
            }
            applied = fresh.size();
            for (EventEnvelope e : fresh) {
                Metrics.counter("onegrid.events.consumed", "handler", handler, "type", e.type()).increment();
            }
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(handler + " could not apply a batch of " + records.size()
                    + " records", e, 0);
        }
        if (duplicates > 0) {
            log.info("Skipping {} duplicate events of a batch of {} for {}", duplicates, records.size(), handler);
            Metrics.counter("onegrid.events.duplicates", "handler", handler).increment(duplicates);
        }
        Metrics.summary("onegrid.events.batch.size", "handler", handler).record(records.size());
        if (failure != null) {
            ConsumerRecord<?, String> bad = records.get(failedAt);
            throw new BatchListenerFailedException(handler + " cannot apply record " + bad.topic() + "-"
                    + bad.partition() + "@" + bad.offset() + ": " + failure.getMessage(), failure, failedAt);
        }
        return applied;
    }
}
