package org.onegrid.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.partner.PartnerEvents;
import org.onegrid.events.talent.TalentEvents;
import org.onegrid.events.ticket.TicketEvents;

/**
 * Every event type the platform publishes. Publishing goes through this catalogue, and a test checks that
 * docs/asyncapi.yaml describes each entry, so an undocumented event cannot be published.
 */
public final class EventCatalog {

    private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

    static {
        Stream.of(TicketEvents.ALL, TalentEvents.ALL, CenterEvents.ALL, PartnerEvents.ALL)
                .flatMap(List::stream)
                .forEach(t -> {
                    if (BY_NAME.put(t.type(), t) != null) {
                        throw new IllegalStateException("event type registered twice: " + t.type());
                    }
                });
    }

    private EventCatalog() {
    }

    public static Collection<EventType<?>> all() {
        return BY_NAME.values();
    }

    public static Optional<EventType<?>> find(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static boolean isKnown(String typeName) {
        return BY_NAME.containsKey(typeName);
    }
}
