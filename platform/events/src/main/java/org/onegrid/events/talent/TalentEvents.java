package org.onegrid.events.talent;

import java.util.List;

import org.onegrid.events.EventType;
import org.onegrid.events.Topics;

/** Events of talent-service, on {@link Topics#TALENT}. Never an ID number or phone number in a payload. */
public final class TalentEvents {

    public static final List<EventType<?>> ALL = List.of();

    private TalentEvents() {
    }
}
