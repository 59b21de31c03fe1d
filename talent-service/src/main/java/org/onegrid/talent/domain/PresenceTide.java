package org.onegrid.talent.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 潮汐 tide curve: per month, how many talents were in Sanya on at least one day, by category and by top-level
 * expertise. Migratory talent swell it from October to May; residents form the steady base.
 */
public final class PresenceTide {

    public record Subject(Category category, List<String> expertiseTags, boolean resident, List<Stay> stays) {
    }

    public record Month(String month, long total, Map<String, Long> byCategory, Map<String, Long> byExpertise) {
    }

    private PresenceTide() {
    }

    public static List<Month> compute(List<Subject> subjects, YearMonth from, YearMonth to) {
        List<Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1);
            LocalDate last = m.atEndOfMonth();
            long total = 0;
            Map<String, Long> byCategory = new LinkedHashMap<>();
            for (Category c : Category.values()) {
                byCategory.put(c.name(), 0L);
            }
            Map<String, Long> byExpertise = new TreeMap<>();
            for (Subject s : subjects) {
                if (Presence.coverage(s.resident(), s.stays(), first, last) <= 0) {
                    continue;
                }
                total++;
                byCategory.merge(s.category().name(), 1L, Long::sum);
                s.expertiseTags().stream().map(t -> ExpertiseVocabulary.selfAndAncestors(t).get(0)).distinct()
                        .forEach(top -> byExpertise.merge(top, 1L, Long::sum));
            }
            months.add(new Month(m.toString(), total, byCategory, byExpertise));
        }
        return months;
    }
}
