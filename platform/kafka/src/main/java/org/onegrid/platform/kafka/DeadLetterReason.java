package org.onegrid.platform.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.onegrid.events.InvalidEventException;

/**
 * Adds a short, human-readable reason to a dead-lettered record, next to spring-kafka's own exception headers,
 * so that whoever reads the DLT sees at once why the record was set aside.
 */
final class DeadLetterReason {

    static final String HEADER = "onegrid-dlt-reason";

    private DeadLetterReason() {
    }

    static Headers headers(ConsumerRecord<?, ?> record, Exception exception) {
        // The listener container wraps what the handler threw; name our own verdict if there is one, else the root.
        Throwable cause = exception;
        while (!(cause instanceof InvalidEventException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        var headers = new RecordHeaders();
        headers.add(HEADER, reason.substring(0, Math.min(reason.length(), 500)).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
