package org.onegrid.ticket.intake.partner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.InvalidEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CloudEvents' Kafka binding, both modes. The platform's outbox writes structured mode (the envelope is the value);
 * Kafka-native partners may write binary mode (attributes in {@code ce_*} headers, the payload as the value). This
 * turns a binary-mode record into the structured record the inbox reads, so both get the same validation.
 */
final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    static ConsumerRecord<String, String> structured(ConsumerRecord<String, String> record) {
        JsonNode value = parse(record.value());
        if (value != null && value.isObject() && value.has("specversion")) {
            return record;
        }
        if (header(record, "ce_specversion") == null) {
            return record; // neither mode: the inbox rejects it with its own reason
        }
        String specversion = header(record, "ce_specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("unsupported ce_specversion " + specversion);
        }
        String id = required(record, "ce_id");
        String source = required(record, "ce_source");
        String type = required(record, "ce_type");
        Instant time;
        String ceTime = header(record, "ce_time");
        try {
            time = ceTime == null ? Instant.ofEpochMilli(record.timestamp()) : CloudEventTime.parse(ceTime);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an RFC 3339 timestamp: " + ceTime);
        }
        if (value == null || !value.isObject()) {
            throw new InvalidEventException("binary-mode " + type + " needs a JSON object as the record value");
        }
        EventEnvelope envelope = new EventEnvelope(id, source, specversion, type, header(record, "ce_subject"), time,
                EventEnvelope.JSON, header(record, "correlationid"), value);
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                EventCodec.encode(envelope));
    }

    private static JsonNode parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(value);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("binary-mode CloudEvent without " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
