package org.onegrid.talent.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a talent is in Sanya over a span of days. Residents (home city Sanya) are always present;
 * everybody else only within their stays, which may chain one after another.
 */
public final class Presence {

    private Presence() {
    }

    /** Share (0..1) of the days from {@code start} to {@code end} inclusive that the stays cover. */
    public static double coverage(boolean resident, List<Stay> stays, LocalDate start, LocalDate end) {
        if (resident) {
            return 1.0;
        }
        long total = end.toEpochDay() - start.toEpochDay() + 1;
        long covered = 0;
        LocalDate cursor = start;
        List<Stay> sorted = stays.stream().sorted(Comparator.comparing(Stay::arrival)).toList();
        for (Stay s : sorted) {
            if (cursor.isAfter(end)) {
                break;
            }
            LocalDate from = s.arrival().isAfter(cursor) ? s.arrival() : cursor;
            LocalDate to = s.departure() == null || s.departure().isAfter(end) ? end : s.departure();
            if (!from.isAfter(to)) {
                covered += to.toEpochDay() - from.toEpochDay() + 1;
                cursor = to.plusDays(1);
            }
        }
        return (double) covered / total;
    }

    public static boolean presentOn(boolean resident, List<Stay> stays, LocalDate day) {
        return resident || stays.stream().anyMatch(s -> s.covers(day));
    }

    public static boolean isResidentCity(String homeCity) {
        return homeCity != null && (homeCity.contains("三亚") || homeCity.equalsIgnoreCase("Sanya"));
    }
}
