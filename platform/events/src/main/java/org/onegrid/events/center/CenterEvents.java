package org.onegrid.events.center;

import org.onegrid.events.OptionalField;
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
    public record AppealSubmitted(String appealId, String centerId, @OptionalField String centerName,
                                  @OptionalField String districtCode, @OptionalField String communityCode,
                                  @OptionalField String categoryHint, String content, @OptionalField Double lat,
                                  @OptionalField Double lon, @OptionalField String requesterRef, Instant submittedAt) {
    }

    /**
     * A centre was created or its details changed (also sent by the demo data load): where it is and what it offers,
     * so analytics can draw the map and the 15-minute circles. No staff or contact details. {@code openingHours} is a
     * short summary ("24/7" or e.g. "MON 08:00-12:00,14:30-17:30; …"); {@code level} is CITY, DISTRICT, INDUSTRY,
     * BIG_COMMUNITY, COMMUNITY or STATION.
     */
    public record CenterRegistered(String centerId, String name, String level, String districtCode,
                                   @OptionalField String communityCode, double lat, double lon,
                                   @OptionalField List<String> facilities, @OptionalField String openingHours,
                                   Instant registeredAt) {
    }

    /** A themed activity (主题党日菜单式) was put on a centre's calendar. */
    public record ActivityScheduled(String activityId, String centerId, String districtCode,
                                    @OptionalField String communityCode, @OptionalField String theme, int capacity,
                                    Instant startsAt, Instant endsAt, Instant scheduledAt) {
    }

    /**
     * Someone signed up for an activity. {@code outcome}: BOOKED, WAITLISTED or PROMOTED (moved from the waitlist
     * after a cancellation). The person is not named: counts are what consumers need.
     */
    public record SignedUp(String activityId, String centerId, String districtCode, @OptionalField String communityCode,
                           String outcome, int capacity, Instant signedUpAt) {
    }

    /** A booked person checked in at the door; counted into the centre's served count. */
    public record Attended(String activityId, String centerId, String districtCode, @OptionalField String communityCode,
                           Instant attendedAt) {
    }

    /** A micro-wish (微心愿) was posted in a batch; the requester is never part of the event. */
    public record WishPosted(String wishId, String batchId, String centerId, String districtCode,
                             @OptionalField String communityCode, @OptionalField String category, int valueYuan,
                             Instant postedAt) {
    }

    /** {@code claimantType}: PARTY_MEMBER or VOLUNTEER. */
    public record WishClaimed(String wishId, String batchId, String centerId, String districtCode,
                              @OptionalField String communityCode, String claimantType, Instant claimedAt) {
    }

    public record WishFulfilled(String wishId, String batchId, String centerId, String districtCode,
                                @OptionalField String communityCode, Instant fulfilledAt) {
    }

    /** Nobody claimed the wish before its batch ended; sent once per wish. */
    public record WishExpired(String wishId, String batchId, String centerId, String districtCode,
                              @OptionalField String communityCode, Instant expiredAt) {
    }

    /** Walk-in visitors counted at a centre's counter, with the purpose of the visit. */
    public record VisitRecorded(String visitId, String centerId, String districtCode,
                                @OptionalField String communityCode, @OptionalField String purpose, int visitors,
                                Instant visitedAt) {
    }

    /** Volunteer service hours logged at a centre (the volunteer is not named). */
    public record VolunteerHoursLogged(String entryId, String centerId, String districtCode,
                                       @OptionalField String communityCode, double hours, int servedPeople,
                                       Instant loggedAt) {
    }

    public static final EventType<AppealSubmitted> APPEAL_SUBMITTED =
            EventType.of("onegrid.center.appeal-submitted.v1", Topics.CENTER, AppealSubmitted.class);

    public static final EventType<CenterRegistered> CENTER_REGISTERED =
            EventType.of("onegrid.center.center-registered.v1", Topics.CENTER, CenterRegistered.class);
    public static final EventType<ActivityScheduled> ACTIVITY_SCHEDULED =
            EventType.of("onegrid.center.activity-scheduled.v1", Topics.CENTER, ActivityScheduled.class);
    public static final EventType<SignedUp> SIGNED_UP =
            EventType.of("onegrid.center.signed-up.v1", Topics.CENTER, SignedUp.class);
    public static final EventType<Attended> ATTENDED =
            EventType.of("onegrid.center.attended.v1", Topics.CENTER, Attended.class);
    public static final EventType<WishPosted> WISH_POSTED =
            EventType.of("onegrid.center.wish-posted.v1", Topics.CENTER, WishPosted.class);
    public static final EventType<WishClaimed> WISH_CLAIMED =
            EventType.of("onegrid.center.wish-claimed.v1", Topics.CENTER, WishClaimed.class);
    public static final EventType<WishFulfilled> WISH_FULFILLED =
            EventType.of("onegrid.center.wish-fulfilled.v1", Topics.CENTER, WishFulfilled.class);
    public static final EventType<WishExpired> WISH_EXPIRED =
            EventType.of("onegrid.center.wish-expired.v1", Topics.CENTER, WishExpired.class);
    public static final EventType<VisitRecorded> VISIT_RECORDED =
            EventType.of("onegrid.center.visit-recorded.v1", Topics.CENTER, VisitRecorded.class);
    public static final EventType<VolunteerHoursLogged> VOLUNTEER_HOURS_LOGGED =
            EventType.of("onegrid.center.volunteer-hours-logged.v1", Topics.CENTER, VolunteerHoursLogged.class);

    public static final List<EventType<?>> ALL = List.of(APPEAL_SUBMITTED, ACTIVITY_SCHEDULED, SIGNED_UP, ATTENDED,
            WISH_POSTED, WISH_CLAIMED, WISH_FULFILLED, WISH_EXPIRED, VISIT_RECORDED, VOLUNTEER_HOURS_LOGGED,
            CENTER_REGISTERED);

    private CenterEvents() {
    }
}
