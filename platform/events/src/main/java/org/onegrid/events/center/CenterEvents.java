package org.onegrid.events.center;

import java.time.Instant;
import java.util.List;

import org.onegrid.events.EventType;
import org.onegrid.events.Topics;

/**
 * Events of the party-and-public service centres, on {@link Topics#CENTER}, keyed by the aggregate id
 * (appeal id for appeals). service-center-service adds its activity, wish, visit and volunteer events here.
 */
public final class CenterEvents {

    /**
     * A resident's appeal (诉求) dropped at a centre; ticket-service turns it into a ticket with channel CENTER.
     * {@code content} is scrubbed of ID and phone numbers; the resident is only an opaque {@code requesterRef}.
     */
    public record AppealSubmitted(String appealId, String centerId, String centerName, String districtCode,
                                  String communityCode, String categoryHint, String content, Double lat, Double lon,
                                  String requesterRef, Instant submittedAt) {
    }

    public static final EventType<AppealSubmitted> APPEAL_SUBMITTED =
            EventType.of("onegrid.center.appeal-submitted.v1", Topics.CENTER, AppealSubmitted.class);

    public static final List<EventType<?>> ALL = List.of(APPEAL_SUBMITTED);

    private CenterEvents() {
    }
}
