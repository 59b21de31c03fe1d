package org.onegrid.analytics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The 候鸟 tide: how many talents are present in Sanya per month, by expertise. A stay counts in every month it
 * overlaps (arrival to departure inclusive; the planned departure while it is still running, or the current month if
 * none was planned). Expertise is the top level of the tag path ({@code medicine/cardiology} → {@code medicine}), so
 * a stay counts once per expertise area it covers and once in the month's total. October to May is the peak season,
 * when the snowbirds are here.
 */
public final class TalentTide {

    /** One stay as its events describe it; {@code departure} is the actual one once the stay ended. */
    public record Stay(String stayId, String districtCode, List<String> expertiseTags, LocalDate arrival,
                       LocalDate plannedDeparture, LocalDate departure) {
        LocalDate end(LocalDate today) {
            if (departure != null) {
                return departure;
            }
            return plannedDeparture != null ? plannedDeparture : today;
        }
    }

    public record Month(String month, boolean peakSeason, long present, Map<String, Long> byExpertise) {
    }

    private TalentTide() {
    }

    public static boolean isPeakSeason(YearMonth month) {
        int m = month.getMonthValue();
        return m >= 10 || m <= 5;
    }

    /**
     * Presence per month between {@code from} and {@code to} inclusive (null: the months the stays span), every
     * month listed even when nobody is there.
     */
    public static List<Month> of(Collection<Stay> stays, YearMonth from, YearMonth to, LocalDate today) {
        YearMonth first = from;
        YearMonth last = to;
        for (Stay s : stays) {
            YearMonth a = YearMonth.from(s.arrival());
            YearMonth e = YearMonth.from(s.end(today));
            first = from != null ? first : first == null || a.isBefore(first) ? a : first;
            last = to != null ? last : last == null || e.isAfter(last) ? e : last;
        }
        if (first == null || last == null || first.isAfter(last)) {
            return List.of();
        }
        Map<YearMonth, Long> present = new TreeMap<>();
        Map<YearMonth, Map<String, Long>> byExpertise = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            present.put(m, 0L);
            byExpertise.put(m, new TreeMap<>());
        }
        for (Stay s : stays) {
            YearMonth a = YearMonth.from(s.arrival());
            YearMonth e = YearMonth.from(s.end(today));
            for (YearMonth m = a.isBefore(first) ? first : a; !m.isAfter(e) && !m.isAfter(last); m = m.plusMonths(1)) {
                present.merge(m, 1L, Long::sum);
                for (String area : areas(s.expertiseTags())) {
                    byExpertise.get(m).merge(area, 1L, Long::sum);
                }
            }
        }
        List<Month> months = new ArrayList<>();
        present.forEach((m, n) -> months.add(new Month(m.toString(), isPeakSeason(m), n, byExpertise.get(m))));
        return months;
    }

    static TreeSet<String> areas(List<String> tags) {
        TreeSet<String> areas = new TreeSet<>();
        if (tags == null || tags.isEmpty()) {
            areas.add("other");
            return areas;
        }
        for (String tag : tags) {
            int slash = tag.indexOf('/');
            areas.add(slash < 0 ? tag : tag.substring(0, slash));
        }
        return areas;
    }
}
