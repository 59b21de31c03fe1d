package org.onegrid.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured mode, as it travels on every OneGrid topic.
 * The payload stays a JSON tree here so that a consumer can inspect the envelope (and dead-letter it)
 * before it commits to a payload type; {@link EventCodec#payload} gives the typed record.
 */
public record EventEnvelope(
        String id,
        String source,
        String specversion,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (specversion == null) {
            specversion = SPEC_VERSION;
        }
        if (datacontenttype == null) {
            datacontenttype = JSON;
        }
    }

    /** A new event with a fresh id, stamped now. */
    public static <T> EventEnvelope create(EventType<T> type, String source, String subject, T payload,
                                           String correlationId, Instant now) {
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadClass().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return new EventEnvelope(UUID.randomUUID().toString(), source, SPEC_VERSION, type.type(), subject, now,
                JSON, correlationId == null ? UUID.randomUUID().toString() : correlationId,
                EventCodec.toTree(payload));
    }
}
