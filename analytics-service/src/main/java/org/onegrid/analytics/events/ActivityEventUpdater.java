package org.onegrid.analytics.events;

import org.bson.Document;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.InvalidEventException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Records talent and centre events for the activity figures. The payload is validated against its record (so a
 * malformed one goes to the DLT) and kept as a document; the district and any amount (hours) are lifted out.
 */
@Component
public class ActivityEventUpdater {

    private final ActivityEventStore store;
    private final ViewGenerations generations;

    public ActivityEventUpdater(ActivityEventStore store, ViewGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    void applyLive(EventEnvelope envelope) {
        ViewGenerations.State state = generations.current();
        applyTo(state.active(), envelope);
        if (state.building() != null) {
            applyTo(state.building(), envelope);
        }
    }

    void applyTo(int generation, EventEnvelope envelope) {
        validate(envelope);
        JsonNode data = envelope.data();
        store.record(generation, envelope.id(), envelope.type(), envelope.subject(), envelope.time(),
                text(data, "districtCode", "district"), number(data, "hours", "volunteerHours"),
                Document.parse(data.toString()));
    }

    /** The event as stored, for a replay's bulk insert; a malformed event throws as in {@link #applyTo}. */
    Document document(EventEnvelope envelope) {
        validate(envelope);
        JsonNode data = envelope.data();
        return ActivityEventStore.document(envelope.id(), envelope.type(), envelope.subject(), envelope.time(),
                text(data, "districtCode", "district"), number(data, "hours", "volunteerHours"),
                Document.parse(data.toString()));
    }

    void applyAll(int generation, java.util.List<Document> documents) {
        store.recordAll(generation, documents);
    }

    private static void validate(EventEnvelope envelope) {
        EventCodec.payload(envelope, EventCatalog.find(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type())));
    }

    private static String text(JsonNode data, String... names) {
        for (String name : names) {
            JsonNode v = data.get(name);
            if (v != null && v.isString()) {
                return v.asString();
            }
        }
        return null;
    }

    private static Double number(JsonNode data, String... names) {
        for (String name : names) {
            JsonNode v = data.get(name);
            if (v != null && v.isNumber()) {
                return v.asDouble();
            }
        }
        return null;
    }
}
