package org.onegrid.talent.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.onegrid.talent.domain.CaseStatus;
import org.onegrid.talent.domain.Category;
import org.onegrid.talent.domain.Certification;
import org.onegrid.talent.domain.ExpertiseVocabulary;
import org.onegrid.talent.domain.HighLevelClass;
import org.onegrid.talent.domain.LiaisonChoice;
import org.onegrid.talent.domain.PresenceTide;
import org.onegrid.talent.domain.RuleViolation;
import org.onegrid.talent.domain.Stay;
import org.onegrid.talent.domain.TalentStatus;
import org.onegrid.talent.events.TalentEventMapper;
import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.TalentRecord;
import org.onegrid.talent.store.TalentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Registration, review, liaison assignment, stays and cases: one talent document changed per command. */
@Service
public class TalentCommands {

    private static final Logger log = LoggerFactory.getLogger(TalentCommands.class);
    static final ZoneId SANYA = ZoneId.of("Asia/Shanghai");

    private final TalentStore talents;
    private final LiaisonStore liaisons;
    private final TalentEventMapper events;
    private final OutboxRelay relay;
    private final Clock clock;

    public TalentCommands(TalentStore talents, LiaisonStore liaisons, TalentEventMapper events, OutboxRelay relay,
                          Clock clock) {
        this.talents = talents;
        this.liaisons = liaisons;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public TalentRecord register(Caller caller, TalentStore.NewTalent draft) {
        if (!caller.isAny("talent", "station", "admin")) {
            throw ApiException.forbidden("talent register themselves, or a station registers them");
        }
        List<String> unknown = draft.expertise().stream().filter(t -> !ExpertiseVocabulary.isKnown(t)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation("expertise", "not in the vocabulary (use freeTags): " + unknown);
        }
        if (draft.category() == Category.HIGH_LEVEL && draft.highLevelClass() == null) {
            throw new RuleViolation("highLevelClass", "a high-level talent states the class A–E applied for");
        }
        if (draft.category() != Category.HIGH_LEVEL && draft.highLevelClass() != null) {
            throw new RuleViolation("highLevelClass", "only HIGH_LEVEL talent has a class");
        }
        // A talent registering themselves keeps their account id as talent id, so that X-OneGrid-User identifies
        // them later (own phone visible, accepting proposals) and a retried self-registration cannot make a twin.
        boolean self = caller.is("talent") && caller.user() != null && !caller.user().isBlank();
        String id = self ? caller.user() : UUID.randomUUID().toString();
        if (self && talents.find(id).isPresent()) {
            throw ApiException.conflict("talent " + id + " is already registered", java.util.Map.of("talentId", id));
        }
        TalentStore.NewTalent t = new TalentStore.NewTalent(id, draft.name(), draft.gender(), draft.birthYear(),
                draft.idNumber(), draft.phone(), draft.email(), draft.education(), draft.title(), draft.expertise(),
                draft.freeTags(), draft.employer(), draft.homeCity(), draft.unitId(), draft.category(),
                draft.highLevelClass(), draft.partyMember(), draft.district(), draft.modes(),
                caller.is("talent") ? "SELF" : "STATION", clock.instant());
        talents.insert(t, List.of(events.registered(t)));
        relay.nudge();
        log.info("Talent {} registered ({}, by {})", id, t.category(), t.registeredBy());
        return get(id);
    }

    public TalentRecord get(String id) {
        return talents.find(id).orElseThrow(() -> ApiException.notFound("talent", id));
    }

    /** 认定: the reviewer's decision; a certified high-level talent gets a liaison in the same write. */
    public TalentRecord review(Caller caller, String id, Certification.Decision decision, HighLevelClass cls,
                               String reason) {
        if (!caller.isAny("reviewer", "admin")) {
            throw ApiException.forbidden("only a reviewer decides on certification");
        }
        TalentRecord t = get(id);
        Certification.Outcome outcome = Certification.decide(t.status(), t.category(), t.highLevelClass(), decision,
                cls, reason);
        Instant now = clock.instant();
        TalentRecord.Review review = new TalentRecord.Review(decision.name(), PersonalData.scrubText(reason), caller.user(),
                t.status().name(), outcome.status().name(),
                outcome.highLevelClass() == null ? null : outcome.highLevelClass().name(), now);
        List<EventEnvelope> out = new ArrayList<>();
        TalentRecord.LiaisonChange change = null;
        LiaisonStore.Liaison liaison = null;
        if (outcome.status() == TalentStatus.CERTIFIED) {
            out.add(events.certified(withClass(t, outcome.highLevelClass()), now));
            if (t.category() == Category.HIGH_LEVEL && t.liaisonId() == null) {
                liaison = reserveLiaison(t, null).orElse(null);
                if (liaison == null) {
                    log.warn("No liaison with free capacity for talent {} (unit {}, district {})", id, t.unitId(),
                            t.district());
                } else {
                    change = new TalentRecord.LiaisonChange(liaison.id(), null, "AUTO", caller.user(), now);
                    out.add(events.liaisonAssigned(t, outcome.highLevelClass().name(), change, liaison.unitId()));
                }
            }
        } else {
            out.add(events.rejected(t, now));
        }
        try {
            talents.review(t, outcome.status(), outcome.highLevelClass(), review, change, out, now);
        } catch (RuntimeException e) {
            if (liaison != null) {
                liaisons.release(liaison.id(), id);
            }
            throw e;
        }
        relay.nudge();
        return get(id);
    }

    /** Re-assigns to the named liaison, or to the freest other one; the history keeps every earlier liaison. */
    public TalentRecord reassign(Caller caller, String id, String liaisonId) {
        if (!caller.isAny("admin", "reviewer")) {
            throw ApiException.forbidden("only an administrator re-assigns liaisons");
        }
        TalentRecord t = get(id);
        if (t.status() != TalentStatus.CERTIFIED) {
            throw ApiException.conflict("only a certified talent has a liaison", java.util.Map.of(
                    "currentState", t.status().name()));
        }
        LiaisonStore.Liaison next;
        if (liaisonId != null) {
            next = liaisons.find(liaisonId).orElseThrow(() -> ApiException.badRequest("liaisonId", "no such liaison"));
            if (liaisonId.equals(t.liaisonId())) {
                return t;
            }
            if (!liaisons.reserve(liaisonId, id, clock.instant())) {
                throw ApiException.conflict("liaison " + liaisonId + " has no free capacity", java.util.Map.of());
            }
        } else {
            next = reserveLiaison(t, t.liaisonId()).orElseThrow(() -> ApiException.conflict(
                    "no other liaison with free capacity in the unit or district", java.util.Map.of()));
        }
        Instant now = clock.instant();
        var change = new TalentRecord.LiaisonChange(next.id(), t.liaisonId(),
                t.liaisonId() == null ? "AUTO" : "REASSIGNED", caller.user(), now);
        try {
            talents.assignLiaison(t, change, List.of(events.liaisonAssigned(t,
                    t.highLevelClass() == null ? null : t.highLevelClass().name(), change, next.unitId())), now);
        } catch (RuntimeException e) {
            liaisons.release(next.id(), id);
            throw e;
        }
        if (t.liaisonId() != null) {
            liaisons.release(t.liaisonId(), id);
        }
        relay.nudge();
        return get(id);
    }

    /** Picks by free capacity and takes the place; retries when a concurrent assignment took it first. */
    private Optional<LiaisonStore.Liaison> reserveLiaison(TalentRecord t, String exclude) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<LiaisonChoice.Load> pick = LiaisonChoice.pick(liaisons.openLoads(t.unitId(), t.district()),
                    t.unitId(), t.district(), exclude);
            if (pick.isEmpty()) {
                return Optional.empty();
            }
            if (liaisons.reserve(pick.get().liaisonId(), t.id(), clock.instant())) {
                return liaisons.find(pick.get().liaisonId());
            }
        }
        return Optional.empty();
    }

    private static TalentRecord withClass(TalentRecord t, HighLevelClass cls) {
        return new TalentRecord(t.id(), t.version(), t.name(), t.gender(), t.birthYear(), t.idLast4(), t.idLength(),
                t.phoneCipher(), t.phoneMasked(), t.email(), t.education(), t.title(), t.expertise(), t.freeTags(),
                t.employer(), t.homeCity(), t.unitId(), t.category(), cls, t.partyMember(), t.district(), t.modes(),
                t.registeredBy(), t.status(), t.reviews(), t.liaisonId(), t.liaisonHistory(), t.stays(), t.cases(),
                t.activeMatches(), t.ratingCount(), t.ratingSum(), t.createdAt());
    }

    private static void mayEdit(Caller caller, TalentRecord t) {
        if (!(caller.isTalent(t.id()) || caller.isLiaisonOf(t.liaisonId()) || caller.isAny("station", "admin"))) {
            throw ApiException.forbidden("only the talent, their liaison, a station or an admin may do this");
        }
    }

    public TalentRecord addStay(Caller caller, String id, LocalDate arrival, LocalDate departure,
                                org.onegrid.talent.domain.District district, String address) {
        TalentRecord t = get(id);
        mayEdit(caller, t);
        Stay stay = new Stay(UUID.randomUUID().toString(), arrival, departure, district, false);
        if (t.stayList().stream().anyMatch(s -> s.overlaps(stay))) {
            throw new RuleViolation("arrival", "overlaps an earlier stay");
        }
        LocalDate today = LocalDate.now(clock.withZone(SANYA));
        talents.addStay(t, new TalentRecord.StayEntry(stay, address),
                List.of(events.stayStarted(t, stay, arrival.isAfter(today) ? arrival : today)), clock.instant());
        relay.nudge();
        return get(id);
    }

    public TalentRecord endStay(Caller caller, String id, String stayId, LocalDate departure) {
        TalentRecord t = get(id);
        mayEdit(caller, t);
        List<TalentRecord.StayEntry> stays = new ArrayList<>();
        Stay ended = null;
        for (TalentRecord.StayEntry e : t.stays()) {
            if (e.stay().id().equals(stayId)) {
                ended = e.stay().end(departure);
                stays.add(new TalentRecord.StayEntry(ended, e.address()));
            } else {
                stays.add(e);
            }
        }
        if (ended == null) {
            throw ApiException.notFound("stay", stayId);
        }
        talents.replaceStays(t, stays, List.of(events.stayEnded(t, ended)), clock.instant());
        relay.nudge();
        return get(id);
    }

    /** The talent (or a station / their liaison) corrects the profile; {@code version} guards lost updates. */
    public TalentRecord updateProfile(Caller caller, String id, long version, TalentStore.ProfileChange change) {
        TalentRecord t = get(id);
        mayEdit(caller, t);
        if (t.version() != version) {
            throw ApiException.conflict("the profile changed since version " + version,
                    java.util.Map.of("currentVersion", t.version()));
        }
        if (change.expertise() != null) {
            List<String> unknown = change.expertise().stream().filter(x -> !ExpertiseVocabulary.isKnown(x)).toList();
            if (!unknown.isEmpty()) {
                throw new RuleViolation("expertise", "not in the vocabulary (use freeTags): " + unknown);
            }
        }
        talents.updateProfile(t, change, clock.instant());
        return get(id);
    }

    public TalentRecord openCase(Caller caller, String id, CaseStatus.Kind kind, String note) {
        TalentRecord t = get(id);
        mayEdit(caller, t);
        note = PersonalData.scrubText(note);
        boolean pending = t.cases().stream().anyMatch(c -> c.kind().equals(kind.name())
                && !List.of("APPROVED", "REJECTED").contains(c.status()));
        if (pending) {
            throw ApiException.conflict("a " + kind + " application is already in progress", java.util.Map.of());
        }
        Instant now = clock.instant();
        List<TalentRecord.CaseEntry> cases = new ArrayList<>(t.cases());
        cases.add(new TalentRecord.CaseEntry(UUID.randomUUID().toString(), kind.name(), CaseStatus.SUBMITTED.name(),
                note, List.of(new TalentRecord.CaseStep(CaseStatus.SUBMITTED.name(), note, caller.user(), now))));
        talents.replaceCases(t, cases, now);
        return get(id);
    }

    public TalentRecord decideCase(Caller caller, String id, String caseId, CaseStatus target, String note) {
        if (!caller.isAny("reviewer", "admin", "liaison")) {
            throw ApiException.forbidden("only a reviewer, liaison or admin moves an application on");
        }
        TalentRecord t = get(id);
        note = PersonalData.scrubText(note);
        Instant now = clock.instant();
        boolean found = false;
        List<TalentRecord.CaseEntry> cases = new ArrayList<>();
        for (TalentRecord.CaseEntry c : t.cases()) {
            if (c.caseId().equals(caseId)) {
                found = true;
                CaseStatus next = CaseStatus.valueOf(c.status()).moveTo(target);
                List<TalentRecord.CaseStep> history = new ArrayList<>(c.history());
                history.add(new TalentRecord.CaseStep(next.name(), note, caller.user(), now));
                cases.add(new TalentRecord.CaseEntry(c.caseId(), c.kind(), next.name(), c.note(), history));
            } else {
                cases.add(c);
            }
        }
        if (!found) {
            throw ApiException.notFound("case", caseId);
        }
        talents.replaceCases(t, cases, now);
        return get(id);
    }

    public List<PresenceTide.Month> tide(YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(36).isBefore(to)) {
            throw new RuleViolation("to", "must be within 36 months after from");
        }
        List<PresenceTide.Subject> subjects = talents.everyone().stream()
                .filter(t -> t.status() != TalentStatus.REJECTED)
                .map(t -> new PresenceTide.Subject(t.category(), t.expertise(), t.resident(), t.stayList()))
                .toList();
        return PresenceTide.compute(subjects, from, to);
    }
}
