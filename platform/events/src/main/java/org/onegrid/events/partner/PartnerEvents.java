package org.onegrid.events.partner;

import java.util.List;

import org.onegrid.events.EventType;
import org.onegrid.events.Topics;

/** CloudEvents that partner systems send, on {@link Topics#PARTNER}; validated on the way in and on consumption. */
public final class PartnerEvents {

    public static final List<EventType<?>> ALL = List.of();

    private PartnerEvents() {
    }
}
