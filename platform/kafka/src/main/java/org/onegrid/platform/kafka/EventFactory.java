package org.onegrid.platform.kafka;

import java.time.Clock;

import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.platform.service.Correlation;

/** Makes envelopes stamped with this service as source, the clock's time and the current correlation id. */
public class EventFactory {

    private final String source;
    private final Clock clock;

    public EventFactory(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public <T> EventEnvelope create(EventType<T> type, String subject, T payload) {
        return EventEnvelope.create(type, source, subject, payload, Correlation.current(), clock.instant());
    }

    public String source() {
        return source;
    }
}
