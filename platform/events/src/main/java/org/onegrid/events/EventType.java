package org.onegrid.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One versioned event type: its CloudEvents {@code type} name, the topic it travels on and its payload record.
 * Names follow {@code onegrid.<area>.<what-happened>.v<N>}; a breaking change is a new type, never an edit.
 */
public record EventType<T>(String type, String topic, Class<T> payloadClass) {

    private static final Pattern NAME = Pattern.compile("onegrid\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(type);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(payloadClass);
        if (!NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type name must look like onegrid.<area>.<what-happened>.v1: " + type);
        }
        if (!payloadClass.isRecord()) {
            throw new IllegalArgumentException("event payloads are records: " + payloadClass.getName());
        }
    }

    public static <T> EventType<T> of(String type, String topic, Class<T> payloadClass) {
        return new EventType<>(type, topic, payloadClass);
    }
}
