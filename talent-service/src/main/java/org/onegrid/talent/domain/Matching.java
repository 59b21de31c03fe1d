package org.onegrid.talent.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks certified talent for a need (需求清单 → 资源清单). Hard rules first: the talent must offer the need's mode, hold
 * some of the expertise, and be in Sanya for the whole window (a 候鸟 expert leaving in April cannot serve a June
 * need). The rest is a weighted score whose components are returned with it, so a unit sees why.
 */
public final class Matching {

    public static final double W_EXPERTISE = 0.45;
    public static final double W_PRESENCE = 0.15;
    public static final double W_DISTRICT = 0.15;
    public static final double W_WORKLOAD = 0.10;
    public static final double W_FEEDBACK = 0.15;
    /** Beyond this, districts count as far apart (Haitang to Yazhou is ~60 km). */
    static final double FAR_KM = 60.0;
    /** An unrated talent gets the benefit of the doubt, not a zero. */
    static final double NEUTRAL_FEEDBACK = 0.6;

    public record NeedSpec(List<String> requiredTags, District district, LocalDate windowStart, LocalDate windowEnd,
                           VolunteerMode mode) {
        public NeedSpec {
            if (windowEnd.isBefore(windowStart)) {
                throw new RuleViolation("windowEnd", "must not be before windowStart");
            }
            if (requiredTags.isEmpty()) {
                throw new RuleViolation("requiredTags", "at least one expertise tag");
            }
        }
    }

    public record Candidate(String talentId, List<String> expertiseTags, List<String> freeTags, District district,
                            boolean resident, List<Stay> stays, List<VolunteerMode> modes, int activeMatches,
                            int ratingCount, double ratingAverage) {
    }

    /** One component: its raw value 0..1, its weight and a sentence. */
    public record Component(double value, double weight, String why) {
    }

    public record Score(String talentId, double total, boolean eligible, Map<String, Component> components,
                        List<String> exclusions) {
    }

    private Matching() {
    }

    /** Eligible candidates first, best score first; ties by id so the ranking is stable. */
    public static List<Score> rank(NeedSpec need, List<Candidate> candidates) {
        return candidates.stream().map(c -> score(need, c))
                .sorted(Comparator.comparing(Score::eligible).reversed()
                        .thenComparing(Comparator.comparingDouble(Score::total).reversed())
                        .thenComparing(Score::talentId))
                .toList();
    }

    public static Score score(NeedSpec need, Candidate c) {
        Map<String, Component> parts = new LinkedHashMap<>();
        List<String> exclusions = new ArrayList<>();

        double expertise = 0;
        List<String> notes = new ArrayList<>();
        for (String required : need.requiredTags()) {
            double best = 0;
            String by = null;
            for (String held : allTags(c)) {
                double credit = ExpertiseVocabulary.credit(required, held);
                if (credit > best) {
                    best = credit;
                    by = held;
                }
            }
            expertise += best;
            notes.add(required + (by == null ? " not held" : " ← " + by + " (" + fmt(best) + ")"));
        }
        expertise /= need.requiredTags().size();
        parts.put("expertise", new Component(expertise, W_EXPERTISE, String.join("; ", notes)));
        if (expertise == 0) {
            exclusions.add("no matching expertise");
        }

        double presence = Presence.coverage(c.resident(), c.stays(), need.windowStart(), need.windowEnd());
        parts.put("presence", new Component(presence, W_PRESENCE, c.resident() ? "lives in Sanya"
                : "in Sanya " + Math.round(presence * 100) + "% of " + need.windowStart() + ".." + need.windowEnd()));
        if (presence < 1.0) {
            exclusions.add("not in Sanya for the whole window " + need.windowStart() + ".." + need.windowEnd());
        }

        double district;
        String districtWhy;
        District where = whereDuring(c, need);
        if (need.district() == null || where == null) {
            district = 0.5;
            districtWhy = "district unknown";
        } else {
            double km = where.distanceKm(need.district());
            district = Math.max(0, 1 - km / FAR_KM);
            districtWhy = where == need.district() ? "same district " + where
                    : where + " → " + need.district() + " ~" + Math.round(km) + " km";
        }
        parts.put("district", new Component(district, W_DISTRICT, districtWhy));

        double workload = 1.0 / (1 + c.activeMatches());
        parts.put("workload", new Component(workload, W_WORKLOAD, c.activeMatches() + " active matches"));

        double feedback = c.ratingCount() == 0 ? NEUTRAL_FEEDBACK : c.ratingAverage() / 5.0;
        parts.put("feedback", new Component(feedback, W_FEEDBACK, c.ratingCount() == 0 ? "no ratings yet"
                : "average rating " + fmt(c.ratingAverage()) + " of " + c.ratingCount()));

        if (need.mode() != null && !c.modes().contains(need.mode())) {
            exclusions.add("does not offer " + need.mode());
        }

        double total = parts.values().stream().mapToDouble(p -> p.value() * p.weight()).sum();
        total = Math.round(total * 1000) / 1000.0;
        return new Score(c.talentId(), total, exclusions.isEmpty(), parts, exclusions);
    }

    private static List<String> allTags(Candidate c) {
        List<String> all = new ArrayList<>(c.expertiseTags());
        all.addAll(c.freeTags());
        return all;
    }

    /** The district the talent stays in at the window's start, else their home district. */
    private static District whereDuring(Candidate c, NeedSpec need) {
        return c.stays().stream().filter(s -> s.covers(need.windowStart())).map(Stay::district).findFirst()
                .orElse(c.district());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
