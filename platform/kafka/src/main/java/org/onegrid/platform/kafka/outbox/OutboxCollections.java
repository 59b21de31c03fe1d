package org.onegrid.platform.kafka.outbox;

import java.util.List;

/** Declares which of a service's collections hold aggregates with an outbox; the relay watches these. */
public record OutboxCollections(List<String> names) {

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}
