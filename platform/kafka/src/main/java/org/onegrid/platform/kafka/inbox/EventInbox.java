package org.onegrid.platform.kafka.inbox;

import java.util.function.Consumer;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        EventEnvelope envelope = read(record);
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
}
