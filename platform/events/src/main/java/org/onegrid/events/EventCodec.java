package org.onegrid.events;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
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
            .addModule(UtcInstants.module())
            .build();

    /** A record's components without {@link OptionalField}: reflection parses generic signatures on each call. */
    private static final ClassValue<List<RequiredComponent>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<RequiredComponent> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components)
                    .filter(c -> !c.isAnnotationPresent(OptionalField.class))
                    .map(c -> new RequiredComponent(c.getName(), c.getType())).toList();
        }
    };

    private record RequiredComponent(String name, Class<?> type) {
    }

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
        T payload;
        try {
            payload = MAPPER.treeToValue(envelope.data(), type.payloadClass());
        } catch (JacksonException e) {
            // Jackson refuses an absent number or flag without naming it: name it.
            String missing = missingField(type.payloadClass(), envelope.data(), "");
            // A record that checks its own schema (partner events) says what is wrong in its own words.
            String why = e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException
                    ? e.getCause().getMessage() : withoutExceptionNames(e.getOriginalMessage());
            throw new InvalidEventException("payload of " + envelope.type() + " does not match its schema: " + why
                    + (missing == null ? "" : " (lacks required field " + missing + ")"), e);
        }
        String missing = missingField(type.payloadClass(), envelope.data(), "");
        if (missing != null) {
            throw new InvalidEventException("payload of " + envelope.type() + " lacks required field " + missing);
        }
        return payload;
    }

    /**
     * The first component that is neither {@link OptionalField} nor present and non-null in the JSON (nested records
     * checked too), or null. Read from the tree rather than the record, so a missing number or flag is not taken
     * for 0 or false.
     */
    static String missingField(Class<?> record, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return path.isEmpty() ? "(the payload is not a JSON object)" : path.substring(0, path.length() - 1);
        }
        for (RequiredComponent c : REQUIRED.get(record)) {
            JsonNode value = node.get(c.name());
            if (value == null || value.isNull()) {
                return path + c.name();
            }
            if (c.type().isRecord()) {
                String nested = missingField(c.type(), value, path + c.name() + ".");
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /**
     * Jackson names the JDK exception behind a bad value ("(java.time.format.DateTimeParseException) Text …"); the
     * reason reaches partners in 400 answers, which show no internals (found by the reliability suite's corpus).
     */
    static String withoutExceptionNames(String message) {
        return message == null ? null : message.replaceAll("\\s*\\(?[\\w.$]+(Exception|Error)\\)?:?", "");
    }

    static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    private static String originalMessage(Exception e) {
        return e instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
