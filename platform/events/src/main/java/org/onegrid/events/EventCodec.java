package org.onegrid.events;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (de)serialisation of envelopes and payloads, shared so that every producer and consumer agree on the wire
 * format: ISO-8601 instants, unknown payload fields ignored (additive changes stay compatible within a version).
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String encode(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /**
     * Parses a structured-mode CloudEvent.
     *
     * @throws InvalidEventException when the bytes are not an envelope this platform can route
     */
    public static EventEnvelope decode(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
                throw new InvalidEventException("unsupported specversion " + envelope.specversion());
            }
            return envelope;
        } catch (JacksonException | NullPointerException e) {
            throw new InvalidEventException("not a CloudEvents envelope: " + originalMessage(e), e);
        }
    }

    public static EventEnvelope decode(byte[] json) {
        return decode(json == null ? null : new String(json, StandardCharsets.UTF_8));
    }

    public static <T> T payload(EventEnvelope envelope, EventType<T> type) {
        if (!type.type().equals(envelope.type())) {
            throw new InvalidEventException("expected " + type.type() + " but got " + envelope.type());
        }
        try {
            return MAPPER.treeToValue(envelope.data(), type.payloadClass());
        } catch (JacksonException e) {
            throw new InvalidEventException("payload of " + envelope.type() + " does not match its schema: "
                    + e.getOriginalMessage(), e);
        }
    }

    static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    private static String originalMessage(Exception e) {
        return e instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
