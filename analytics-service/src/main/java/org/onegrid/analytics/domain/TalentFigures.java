package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.onegrid.events.talent.TalentEvents;

/**
 * Talent figures from talent-service's events: talent by category and class, certifications per month, the 候鸟
 * tide, needs posted vs matched vs completed and liaison service requests gone overdue. Everything is keyed by the
 * source ids (talent, stay, need, request), so the figures do not depend on the order the events arrived in.
 */
public record TalentFigures(List<CategoryClass> byCategoryAndClass, Map<String, Long> certifiedPerMonth,
                            List<TalentTide.Month> tide, Needs needs, LiaisonRequests liaisonRequests) {

    /** {@code highLevelClass} is "-" for categories without classes. */
    public record CategoryClass(String category, String highLevelClass, long registered, long certified) {
    }

    /** Needs with at least one accepted match count as matched, with at least one completion as completed. */
    public record Needs(long posted, long matched, long completed, long matchesAccepted, long matchesCompleted) {
    }

    public record LiaisonRequests(long requested, long overdue, BigDecimal overdueRate, Map<String, Long> overdueByType) {
    }

    /** The talent events the figures are made of (each list holds one entry per event). */
    public record Events(List<TalentEvents.TalentRegistered> registered, List<TalentEvents.TalentCertified> certified,
                         List<TalentEvents.StayStarted> staysStarted, List<TalentEvents.StayEnded> staysEnded,
                         List<TalentEvents.NeedPosted> needsPosted, List<TalentEvents.MatchAccepted> accepted,
                         List<TalentEvents.MatchCompleted> completed,
                         List<TalentEvents.ServiceRequested> requested,
                         List<TalentEvents.ServiceRequestOverdue> overdue) {
    }

    public static TalentFigures of(Events e, Scope scope, LocalDate today) {
        Map<String, String> talentDistrict = new HashMap<>();
        e.registered().forEach(r -> talentDistrict.put(r.talentId(), r.districtCode()));
        e.certified().forEach(c -> talentDistrict.putIfAbsent(c.talentId(), c.districtCode()));

        Map<List<String>, Set<String>> registered = new TreeMap<>(LIST_ORDER);
        Map<List<String>, Set<String>> certified = new TreeMap<>(LIST_ORDER);
        for (var r : e.registered()) {
            if (scope.covers(r.districtCode(), r.registeredAt())) {
                registered.computeIfAbsent(key(r.category(), r.highLevelClass()), k -> new HashSet<>()).add(r.talentId());
            }
        }
        Map<String, Set<String>> perMonth = new TreeMap<>();
        for (var c : e.certified()) {
            if (scope.covers(c.districtCode(), c.certifiedAt())) {
                certified.computeIfAbsent(key(c.category(), c.highLevelClass()), k -> new HashSet<>()).add(c.talentId());
                perMonth.computeIfAbsent(Period.MONTH.bucketOf(c.certifiedAt()), k -> new HashSet<>()).add(c.talentId());
            }
        }
        Set<List<String>> keys = new java.util.TreeSet<>(LIST_ORDER);
        keys.addAll(registered.keySet());
        keys.addAll(certified.keySet());
        List<CategoryClass> byCategory = new ArrayList<>();
        for (List<String> k : keys) {
            byCategory.add(new CategoryClass(k.get(0), k.get(1), registered.getOrDefault(k, Set.of()).size(),
                    certified.getOrDefault(k, Set.of()).size()));
        }
        Map<String, Long> certifiedPerMonth = new LinkedHashMap<>();
        perMonth.forEach((m, ids) -> certifiedPerMonth.put(m, (long) ids.size()));

        List<TalentTide.Month> tide = TalentTide.of(stays(e, scope), scope.from() == null ? null
                : YearMonth.from(scope.from()), scope.to() == null ? null : YearMonth.from(scope.to()), today);

        return new TalentFigures(byCategory, certifiedPerMonth, tide, needs(e, scope),
                liaison(e, scope, talentDistrict));
    }

    /** A stay's started and ended events merged by stay id, whichever came first. */
    static Collection<TalentTide.Stay> stays(Events e, Scope scope) {
        Map<String, TalentTide.Stay> stays = new TreeMap<>();
        for (var s : e.staysStarted()) {
            stays.merge(s.stayId(), new TalentTide.Stay(s.stayId(), s.districtCode(), s.expertiseTags(),
                    LocalDate.parse(s.arrival()), date(s.plannedDeparture()), null), TalentFigures::merge);
        }
        for (var s : e.staysEnded()) {
            stays.merge(s.stayId(), new TalentTide.Stay(s.stayId(), s.districtCode(), s.expertiseTags(),
                    LocalDate.parse(s.arrival()), null, date(s.departure())), TalentFigures::merge);
        }
        return stays.values().stream().filter(s -> scope.district(s.districtCode())).toList();
    }

    private static TalentTide.Stay merge(TalentTide.Stay a, TalentTide.Stay b) {
        return new TalentTide.Stay(a.stayId(), a.districtCode(), a.expertiseTags(), a.arrival(),
                a.plannedDeparture() != null ? a.plannedDeparture() : b.plannedDeparture(),
                a.departure() != null ? a.departure() : b.departure());
    }

    private static Needs needs(Events e, Scope scope) {
        Set<String> posted = new HashSet<>();
        e.needsPosted().stream().filter(n -> scope.covers(n.districtCode(), n.postedAt()))
                .forEach(n -> posted.add(n.needId()));
        Set<String> proposalsAccepted = new HashSet<>();
        Set<String> matched = new HashSet<>();
        e.accepted().stream().filter(a -> posted.contains(a.needId())).forEach(a -> {
            proposalsAccepted.add(a.proposalId());
            matched.add(a.needId());
        });
        Set<String> proposalsCompleted = new HashSet<>();
        Set<String> completed = new HashSet<>();
        e.completed().stream().filter(c -> posted.contains(c.needId())).forEach(c -> {
            proposalsCompleted.add(c.proposalId());
            completed.add(c.needId());
        });
        return new Needs(posted.size(), matched.size(), completed.size(), proposalsAccepted.size(),
                proposalsCompleted.size());
    }

    /** Service requests carry no district; the talent's registered district stands in for it. */
    private static LiaisonRequests liaison(Events e, Scope scope, Map<String, String> talentDistrict) {
        Set<String> requested = new HashSet<>();
        e.requested().stream().filter(r -> scope.covers(talentDistrict.get(r.talentId()), r.requestedAt()))
                .forEach(r -> requested.add(r.requestId()));
        Map<String, Set<String>> overdueByType = new TreeMap<>();
        Set<String> overdue = new HashSet<>();
        e.overdue().stream().filter(o -> scope.covers(talentDistrict.get(o.talentId()), o.detectedAt()))
                .forEach(o -> {
                    overdue.add(o.requestId());
                    overdueByType.computeIfAbsent(o.requestType(), k -> new HashSet<>()).add(o.requestId());
                });
        Map<String, Long> byType = new LinkedHashMap<>();
        overdueByType.forEach((t, ids) -> byType.put(t, (long) ids.size()));
        long overdueOfRequested = overdue.stream().filter(requested::contains).count();
        return new LiaisonRequests(requested.size(), overdue.size(), TicketFigures.rate(overdueOfRequested,
                requested.size()), byType);
    }

    private static List<String> key(String category, String highLevelClass) {
        return List.of(category == null ? "UNKNOWN" : category, highLevelClass == null ? "-" : highLevelClass);
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }

    private static final java.util.Comparator<List<String>> LIST_ORDER =
            java.util.Comparator.<List<String>, String>comparing(l -> l.get(0)).thenComparing(l -> l.get(1));
}
