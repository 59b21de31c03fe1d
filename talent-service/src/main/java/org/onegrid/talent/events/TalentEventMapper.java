package org.onegrid.talent.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.events.talent.TalentEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.talent.domain.Stay;
import org.onegrid.talent.store.NeedStore;
import org.onegrid.talent.store.ProposalStore;
import org.onegrid.talent.store.ServiceRequestStore;
import org.onegrid.talent.store.TalentRecord;
import org.onegrid.talent.store.TalentStore;

/**
 * Turns state changes into talent events. The only place payloads are built, and it copies ids, categories, tags,
 * districts and dates only: never name, ID number, phone, e-mail or address.
 */
public class TalentEventMapper {

    private final EventFactory factory;

    public TalentEventMapper(EventFactory factory) {
        this.factory = factory;
    }

    private static String cls(TalentRecord t) {
        return t.highLevelClass() == null ? null : t.highLevelClass().name();
    }

    private static String district(TalentRecord t) {
        return t.district() == null ? null : t.district().name();
    }

    public EventEnvelope registered(TalentStore.NewTalent t) {
        return factory.create(TalentEvents.REGISTERED, t.id(), new TalentEvents.TalentRegistered(t.id(),
                t.category().name(), t.highLevelClass() == null ? null : t.highLevelClass().name(), t.expertise(),
                t.district() == null ? null : t.district().name(), t.registeredBy(),
                t.modes().stream().map(Enum::name).toList(), t.at()));
    }

    public EventEnvelope certified(TalentRecord t, Instant at) {
        return factory.create(TalentEvents.CERTIFIED, t.id(), new TalentEvents.TalentCertified(t.id(),
                t.category().name(), cls(t), t.expertise(), district(t), at));
    }

    public EventEnvelope rejected(TalentRecord t, Instant at) {
        return factory.create(TalentEvents.REJECTED, t.id(), new TalentEvents.TalentRejected(t.id(),
                t.category().name(), cls(t), district(t), at));
    }

    public EventEnvelope stayStarted(TalentRecord t, Stay s, LocalDate openUntil) {
        return factory.create(TalentEvents.STAY_STARTED, t.id(), new TalentEvents.StayStarted(t.id(), s.id(),
                t.category().name(), t.expertise(), s.district().name(), s.arrival().toString(),
                s.departure() == null ? null : s.departure().toString(), s.months(openUntil)));
    }

    public EventEnvelope stayEnded(TalentRecord t, Stay s) {
        return factory.create(TalentEvents.STAY_ENDED, t.id(), new TalentEvents.StayEnded(t.id(), s.id(),
                t.category().name(), t.expertise(), s.district().name(), s.arrival().toString(),
                s.departure().toString(), s.months(s.departure()), s.days()));
    }

    public EventEnvelope liaisonAssigned(TalentRecord t, String cls, TalentRecord.LiaisonChange c, String unitId) {
        return factory.create(TalentEvents.LIAISON_ASSIGNED, t.id(), new TalentEvents.LiaisonAssigned(t.id(),
                c.liaisonId(), unitId, c.previousLiaisonId(), t.category().name(), cls, district(t), c.reason(),
                c.at()));
    }

    public EventEnvelope serviceRequested(ServiceRequestStore.ServiceRequest r) {
        return factory.create(TalentEvents.SERVICE_REQUESTED, r.id(), new TalentEvents.ServiceRequested(r.id(),
                r.talentId(), r.liaisonId(), r.type().name(), r.deadline(), r.createdAt()));
    }

    public EventEnvelope serviceRequestOverdue(ServiceRequestStore.ServiceRequest r, Instant now) {
        return factory.create(TalentEvents.SERVICE_REQUEST_OVERDUE, r.id(), new TalentEvents.ServiceRequestOverdue(
                r.id(), r.talentId(), r.liaisonId(), r.type().name(), r.deadline(), now));
    }

    public EventEnvelope needPosted(NeedStore.Need n) {
        return factory.create(TalentEvents.NEED_POSTED, n.id(), new TalentEvents.NeedPosted(n.id(),
                PersonalData.scrubText(n.title()), n.postedByKind().name(), n.postedByName(), n.requiredTags(),
                n.district() == null ? null : n.district().name(), n.windowStart().toString(),
                n.windowEnd().toString(), n.peopleCount(), n.mode().name(), n.postedAt()));
    }

    public EventEnvelope matchProposed(ProposalStore.Proposal p, TalentRecord t) {
        return factory.create(TalentEvents.MATCH_PROPOSED, p.needId(), new TalentEvents.MatchProposed(p.id(),
                p.needId(), t.id(), p.score(), t.category().name(), t.expertise(), district(t), p.proposedAt()));
    }

    public EventEnvelope matchAccepted(ProposalStore.Proposal p, TalentRecord t, NeedStore.Need n, Instant at) {
        return factory.create(TalentEvents.MATCH_ACCEPTED, p.needId(), new TalentEvents.MatchAccepted(p.id(),
                p.needId(), p.talentId(), t.category().name(), n.district() == null ? null : n.district().name(),
                n.mode().name(), n.accepted(), n.peopleCount(), at));
    }

    public EventEnvelope matchCompleted(ProposalStore.Proposal p, TalentRecord t, NeedStore.Need n, int rating,
                                        Instant at) {
        return factory.create(TalentEvents.MATCH_COMPLETED, p.needId(), new TalentEvents.MatchCompleted(p.id(),
                p.needId(), p.talentId(), rating, t.category().name(),
                n.district() == null ? null : n.district().name(), n.mode().name(), at));
    }

}
