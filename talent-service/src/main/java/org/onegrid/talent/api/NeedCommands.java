package org.onegrid.talent.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onegrid.events.PersonalData;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.onegrid.talent.domain.ExpertiseVocabulary;
import org.onegrid.talent.domain.Matching;
import org.onegrid.talent.domain.ProposalStatus;
import org.onegrid.talent.domain.RuleViolation;
import org.onegrid.talent.events.TalentEventMapper;
import org.onegrid.talent.store.NeedStore;
import org.onegrid.talent.store.ProposalStore;
import org.onegrid.talent.store.TalentRecord;
import org.onegrid.talent.store.TalentStore;
import org.springframework.stereotype.Service;

/** Needs, ranking and the proposal life cycle (需求清单 → 资源清单 → 项目清单). */
@Service
public class NeedCommands {

    private final NeedStore needs;
    private final ProposalStore proposals;
    private final TalentStore talents;
    private final TalentEventMapper events;
    private final OutboxRelay relay;
    private final Clock clock;

    public NeedCommands(NeedStore needs, ProposalStore proposals, TalentStore talents, TalentEventMapper events,
                        OutboxRelay relay, Clock clock) {
        this.needs = needs;
        this.proposals = proposals;
        this.talents = talents;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Posts a need; {@code draft.id()} may come from the client so that a retried post creates nothing new. */
    public NeedStore.Need post(Caller caller, NeedStore.Need draft) {
        if (!caller.isAny("unit", "station", "admin", "liaison")) {
            throw ApiException.forbidden("needs are posted by a unit, village, school or hospital account");
        }
        List<String> unknown = draft.requiredTags().stream().filter(t -> !ExpertiseVocabulary.isKnown(t)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation("requiredTags", "not in the vocabulary: " + unknown);
        }
        if (draft.windowEnd().isBefore(draft.windowStart())) {
            throw new RuleViolation("windowEnd", "must not be before windowStart");
        }
        String id = draft.id() == null ? UUID.randomUUID().toString() : draft.id();
        NeedStore.Need n = new NeedStore.Need(id, 0, PersonalData.scrubText(draft.title()),
                PersonalData.scrubText(draft.description()), draft.postedByKind(),
                draft.postedByName(), draft.requiredTags(), draft.district(), draft.windowStart(), draft.windowEnd(),
                draft.peopleCount(), 0, draft.peopleCount(), draft.mode(), "OPEN", clock.instant());
        needs.insert(n, List.of(events.needPosted(n)));
        relay.nudge();
        return get(id);
    }

    public NeedStore.Need get(String id) {
        return needs.find(id).orElseThrow(() -> ApiException.notFound("need", id));
    }

    static Matching.NeedSpec spec(NeedStore.Need n) {
        return new Matching.NeedSpec(n.requiredTags(), n.district(), n.windowStart(), n.windowEnd(), n.mode());
    }

    static Matching.Candidate candidate(TalentRecord t) {
        return new Matching.Candidate(t.id(), t.expertise(), t.freeTags(), t.district(), t.resident(), t.stayList(),
                t.modes(), t.activeMatches(), t.ratingCount(), t.ratingAverage());
    }

    /** Certified talent ranked for the need, with each score's components; ineligible ones say why. */
    public List<Matching.Score> candidates(String needId, int limit, boolean includeIneligible) {
        NeedStore.Need n = get(needId);
        List<Matching.Candidate> pool = talents.certified().stream().map(NeedCommands::candidate).toList();
        return Matching.rank(spec(n), pool).stream()
                .filter(s -> includeIneligible || s.eligible())
                .filter(s -> s.components().get("expertise").value() > 0)
                .limit(limit).toList();
    }

    public ProposalStore.Proposal propose(Caller caller, String needId, String talentId) {
        if (!caller.isAny("unit", "station", "admin", "liaison")) {
            throw ApiException.forbidden("proposals are made by the posting unit, a station or an admin");
        }
        NeedStore.Need n = get(needId);
        TalentRecord t = talents.find(talentId)
                .orElseThrow(() -> ApiException.badRequest("talentId", "no such talent"));
        Matching.Score score = Matching.score(spec(n), candidate(t));
        if (!score.eligible()) {
            throw ApiException.conflict("talent cannot serve this need: " + String.join("; ", score.exclusions()),
                    Map.of("exclusions", score.exclusions()));
        }
        Instant now = clock.instant();
        Map<String, Object> comps = new LinkedHashMap<>();
        score.components().forEach((k, c) -> comps.put(k, Map.of("value", c.value(), "weight", c.weight(),
                "why", c.why())));
        ProposalStore.Proposal p = new ProposalStore.Proposal(UUID.randomUUID().toString(), 0, needId, talentId,
                ProposalStatus.PROPOSED, score.total(), comps, null, null,
                List.of(new ProposalStore.Step(ProposalStatus.PROPOSED.name(), caller.user(), null, now)), now);
        if (!proposals.insert(p, List.of(events.matchProposed(p, t)))) {
            throw ApiException.conflict("talent " + talentId + " is already proposed for this need", Map.of());
        }
        relay.nudge();
        return p;
    }

    public ProposalStore.Proposal getProposal(String id) {
        return proposals.find(id).orElseThrow(() -> ApiException.notFound("proposal", id));
    }

    /** The talent accepts: a place of the need is taken first, atomically, and given back if the move fails. */
    public ProposalStore.Proposal accept(Caller caller, String proposalId) {
        ProposalStore.Proposal p = getProposal(proposalId);
        if (!(caller.isTalent(p.talentId()) || caller.is("admin"))) {
            throw ApiException.forbidden("only the proposed talent accepts");
        }
        p.status().moveTo(ProposalStatus.ACCEPTED);
        TalentRecord t = talents.find(p.talentId()).orElseThrow(() -> ApiException.notFound("talent", p.talentId()));
        NeedStore.Need after = needs.takePlace(p.needId()).orElseThrow(() -> ApiException.conflict(
                "the need has no open place left", Map.of("currentState", "FILLED")));
        Instant now = clock.instant();
        boolean moved = proposals.transition(p, ProposalStatus.ACCEPTED,
                new ProposalStore.Step(ProposalStatus.ACCEPTED.name(), caller.user(), null, now), null, null,
                List.of(events.matchAccepted(p, t, after, now)));
        if (!moved) {
            needs.releasePlace(p.needId());
            throw ApiException.conflict("the proposal changed meanwhile", Map.of(
                    "currentState", getProposal(proposalId).status().name()));
        }
        talents.adjustActiveMatches(p.talentId(), 1);
        relay.nudge();
        return getProposal(proposalId);
    }

    public ProposalStore.Proposal decline(Caller caller, String proposalId, String note) {
        ProposalStore.Proposal p = getProposal(proposalId);
        if (!(caller.isTalent(p.talentId()) || caller.is("admin"))) {
            throw ApiException.forbidden("only the proposed talent declines");
        }
        return move(caller, p, ProposalStatus.DECLINED, note, null, null, List.of());
    }

    public ProposalStore.Proposal confirm(Caller caller, String proposalId) {
        ProposalStore.Proposal p = getProposal(proposalId);
        if (!caller.isAny("unit", "station", "admin")) {
            throw ApiException.forbidden("the posting unit confirms");
        }
        return move(caller, p, ProposalStatus.CONFIRMED, null, null, null, List.of());
    }

    public ProposalStore.Proposal complete(Caller caller, String proposalId, int rating, String feedback) {
        ProposalStore.Proposal p = getProposal(proposalId);
        if (!caller.isAny("unit", "station", "admin")) {
            throw ApiException.forbidden("the posting unit records completion");
        }
        p.status().moveTo(ProposalStatus.COMPLETED);
        NeedStore.Need n = get(p.needId());
        TalentRecord t = talents.find(p.talentId()).orElseThrow(() -> ApiException.notFound("talent", p.talentId()));
        Instant now = clock.instant();
        ProposalStore.Proposal done = move(caller, p, ProposalStatus.COMPLETED, feedback, feedback, rating,
                List.of(events.matchCompleted(p, t, n, rating, now)));
        talents.adjustActiveMatches(p.talentId(), -1);
        talents.addRating(p.talentId(), rating);
        return done;
    }

    public ProposalStore.Proposal cancel(Caller caller, String proposalId, String note) {
        ProposalStore.Proposal p = getProposal(proposalId);
        if (!caller.isAny("unit", "station", "admin")) {
            throw ApiException.forbidden("the posting unit cancels");
        }
        ProposalStore.Proposal cancelled = move(caller, p, ProposalStatus.CANCELLED, note, null, null, List.of());
        if (p.status().holdsPlace()) {
            needs.releasePlace(p.needId());
            talents.adjustActiveMatches(p.talentId(), -1);
        }
        return cancelled;
    }

    private ProposalStore.Proposal move(Caller caller, ProposalStore.Proposal p, ProposalStatus to, String rawNote,
                                        String rawFeedback, Integer rating,
                                        List<org.onegrid.events.EventEnvelope> out) {
        p.status().moveTo(to);
        // Free text may carry a phone or ID number typed by a villager; it is kept only scrubbed.
        String note = PersonalData.scrubText(rawNote);
        String feedback = PersonalData.scrubText(rawFeedback);
        boolean moved = proposals.transition(p, to,
                new ProposalStore.Step(to.name(), caller.user(), note, clock.instant()), feedback, rating, out);
        if (!moved) {
            throw ApiException.conflict("the proposal changed meanwhile", Map.of(
                    "currentState", getProposal(p.id()).status().name()));
        }
        relay.nudge();
        return getProposal(p.id());
    }

    public List<ProposalStore.Proposal> proposeTop(Caller caller, String needId, int count) {
        java.util.Set<String> already = new java.util.HashSet<>();
        proposals.list(needId, null, null, 0, 1000).items().forEach(p -> already.add(p.talentId()));
        List<ProposalStore.Proposal> made = new ArrayList<>();
        for (Matching.Score s : candidates(needId, count + already.size(), false)) {
            if (made.size() < count && !already.contains(s.talentId())) {
                made.add(propose(caller, needId, s.talentId()));
            }
        }
        return made;
    }
}
