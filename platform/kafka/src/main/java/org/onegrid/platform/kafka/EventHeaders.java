package org.onegrid.platform.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.onegrid.events.EventEnvelope;

/**
 * Kafka headers that repeat the envelope's routing attributes (CloudEvents Kafka protocol binding names), so that
 * brokers' tools, DLT readers and filters can see an event's id and type without parsing its value.
 */
public final class EventHeaders {

    public static final String CORRELATION_ID = "correlationid";
    public static final String CONTENT_TYPE = "content-type";
    public static final String STRUCTURED = "application/cloudevents+json; charset=UTF-8";

    private EventHeaders() {
    }

    public static void write(EventEnvelope event, Headers headers) {
        put(headers, "ce_id", event.id());
        put(headers, "ce_type", event.type());
        put(headers, "ce_source", event.source());
        put(headers, "ce_specversion", event.specversion());
        put(headers, "ce_time", event.time().toString());
        if (event.subject() != null) {
            put(headers, "ce_subject", event.subject());
        }
        if (event.correlationid() != null) {
            put(headers, CORRELATION_ID, event.correlationid());
        }
        put(headers, CONTENT_TYPE, STRUCTURED);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
