package org.onegrid.events.talent;

import org.onegrid.events.OptionalField;
import java.time.Instant;
import java.util.List;

import org.onegrid.events.EventType;
import org.onegrid.events.Topics;

/**
 * Events of talent-service, on {@link Topics#TALENT}, keyed by the aggregate id (talent id for talent and stays,
 * request id for service requests, need id for needs and matches so one need's matches stay in order).
 * Never a name, ID number, phone number or address in a payload: analytics gets ids, category, class, expertise
 * tags (paths of the controlled vocabulary, e.g. {@code medicine/cardiology}), districts and months.
 */
public final class TalentEvents {

    /** A talent registered (self or by a station); status PENDING. {@code highLevelClass} only for HIGH_LEVEL. */
    public record TalentRegistered(String talentId, String category, @OptionalField String highLevelClass,
                                   @OptionalField List<String> expertiseTags, @OptionalField String districtCode,
                                   @OptionalField String registeredBy, @OptionalField List<String> modes,
                                   Instant registeredAt) {
    }

    /** A reviewer certified the talent (高层次人才认定 for HIGH_LEVEL). */
    public record TalentCertified(String talentId, String category, @OptionalField String highLevelClass,
                                  @OptionalField List<String> expertiseTags, @OptionalField String districtCode,
                                  Instant certifiedAt) {
    }

    /** A reviewer rejected the registration. The reason stays in the service (it may name the person). */
    public record TalentRejected(String talentId, String category, @OptionalField String highLevelClass,
                                 @OptionalField String districtCode, Instant rejectedAt) {
    }

    /** A stay in Sanya began (候鸟 arrival). {@code months} = the yyyy-MM months the stay covers as planned. */
    public record StayStarted(String talentId, String stayId, String category,
                              @OptionalField List<String> expertiseTags, String districtCode, String arrival,
                              @OptionalField String plannedDeparture, List<String> months) {
    }

    /** A stay ended (departure recorded). {@code months} = the yyyy-MM months it actually covered. */
    public record StayEnded(String talentId, String stayId, String category, @OptionalField List<String> expertiseTags,
                            String districtCode, String arrival, String departure, List<String> months, long days) {
    }

    /** A liaison (服务联络员) was assigned; {@code previousLiaisonId} is set on re-assignment. */
    public record LiaisonAssigned(String talentId, String liaisonId, @OptionalField String unitId,
                                  @OptionalField String previousLiaisonId, String category,
                                  @OptionalField String highLevelClass, @OptionalField String districtCode,
                                  @OptionalField String reason, Instant assignedAt) {
    }

    /** A talent raised a service request that their liaison handles by {@code deadline}. */
    public record ServiceRequested(String requestId, String talentId, @OptionalField String liaisonId,
                                   String requestType, @OptionalField Instant deadline, Instant requestedAt) {
    }

    /** A service request passed its deadline unresolved; raised once per request. */
    public record ServiceRequestOverdue(String requestId, String talentId, @OptionalField String liaisonId,
                                        String requestType, Instant deadline, Instant detectedAt) {
    }

    /** A unit, village, school or hospital posted a need (需求清单). */
    public record NeedPosted(String needId, String title, String postedByKind, @OptionalField String postedByName,
                             @OptionalField List<String> requiredTags, @OptionalField String districtCode,
                             String windowStart, String windowEnd, int peopleCount, String mode, Instant postedAt) {
    }

    /** A talent was proposed for a need, with the matching score. */
    public record MatchProposed(String proposalId, String needId, String talentId, double score, String category,
                                @OptionalField List<String> expertiseTags, @OptionalField String districtCode,
                                Instant proposedAt) {
    }

    /** The talent accepted; {@code acceptedCount} of {@code peopleCount} places of the need are now taken. */
    public record MatchAccepted(String proposalId, String needId, String talentId, String category,
                                @OptionalField String districtCode, String mode, int acceptedCount, int peopleCount,
                                Instant acceptedAt) {
    }

    /** The unit recorded completion with a 1–5 rating (项目清单). */
    public record MatchCompleted(String proposalId, String needId, String talentId, int rating, String category,
                                 @OptionalField String districtCode, String mode, Instant completedAt) {
    }

    public static final EventType<TalentRegistered> REGISTERED =
            EventType.of("onegrid.talent.registered.v1", Topics.TALENT, TalentRegistered.class);
    public static final EventType<TalentCertified> CERTIFIED =
            EventType.of("onegrid.talent.certified.v1", Topics.TALENT, TalentCertified.class);
    public static final EventType<TalentRejected> REJECTED =
            EventType.of("onegrid.talent.rejected.v1", Topics.TALENT, TalentRejected.class);
    public static final EventType<StayStarted> STAY_STARTED =
            EventType.of("onegrid.talent.stay-started.v1", Topics.TALENT, StayStarted.class);
    public static final EventType<StayEnded> STAY_ENDED =
            EventType.of("onegrid.talent.stay-ended.v1", Topics.TALENT, StayEnded.class);
    public static final EventType<LiaisonAssigned> LIAISON_ASSIGNED =
            EventType.of("onegrid.talent.liaison-assigned.v1", Topics.TALENT, LiaisonAssigned.class);
    public static final EventType<ServiceRequested> SERVICE_REQUESTED =
            EventType.of("onegrid.talent.service-requested.v1", Topics.TALENT, ServiceRequested.class);
    public static final EventType<ServiceRequestOverdue> SERVICE_REQUEST_OVERDUE =
            EventType.of("onegrid.talent.service-request-overdue.v1", Topics.TALENT, ServiceRequestOverdue.class);
    public static final EventType<NeedPosted> NEED_POSTED =
            EventType.of("onegrid.talent.need-posted.v1", Topics.TALENT, NeedPosted.class);
    public static final EventType<MatchProposed> MATCH_PROPOSED =
            EventType.of("onegrid.talent.match-proposed.v1", Topics.TALENT, MatchProposed.class);
    public static final EventType<MatchAccepted> MATCH_ACCEPTED =
            EventType.of("onegrid.talent.match-accepted.v1", Topics.TALENT, MatchAccepted.class);
    public static final EventType<MatchCompleted> MATCH_COMPLETED =
            EventType.of("onegrid.talent.match-completed.v1", Topics.TALENT, MatchCompleted.class);

    public static final List<EventType<?>> ALL = List.of(REGISTERED, CERTIFIED, REJECTED, STAY_STARTED, STAY_ENDED,
            LIAISON_ASSIGNED, SERVICE_REQUESTED, SERVICE_REQUEST_OVERDUE, NEED_POSTED, MATCH_PROPOSED, MATCH_ACCEPTED,
            MATCH_COMPLETED);

    private TalentEvents() {
    }
}
