package org.onegrid.ticket.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's public holidays and adjusted working days, as the State Council announces them each November.
 * Parsed from a small text file so that next year's notice is a data change, not a code change:
 * {@code holiday 2026-02-15 2026-02-23 春节}, {@code workday 2026-02-14 春节调休}, and an optional
 * {@code provisional} line for a year not yet announced.
 */
public record HolidayYear(String source, boolean provisional, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkdays) {

    public static HolidayYear parse(String source, List<String> lines) {
        Set<LocalDate> holidays = new LinkedHashSet<>();
        Set<LocalDate> workdays = new LinkedHashSet<>();
        boolean provisional = false;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                switch (parts[0]) {
                    case "provisional" -> provisional = true;
                    case "holiday" -> {
                        LocalDate from = LocalDate.parse(parts[1]);
                        LocalDate to = parts.length > 2 && parts[2].matches("\\d{4}-\\d{2}-\\d{2}")
                                ? LocalDate.parse(parts[2]) : from;
                        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                            holidays.add(d);
                        }
                    }
                    case "workday" -> workdays.add(LocalDate.parse(parts[1]));
                    default -> throw new IllegalArgumentException("unknown entry '" + parts[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new HolidayYear(source, provisional, Set.copyOf(holidays), Set.copyOf(workdays));
    }

    public List<LocalDate> sortedHolidays() {
        List<LocalDate> list = new ArrayList<>(holidays);
        list.sort(null);
        return list;
    }
}
