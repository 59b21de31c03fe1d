package org.onegrid.ticket.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Working time of a Chinese government office: working periods on working days, where a working day is a weekday
 * that is not a public holiday, or a weekend day declared a working day (调休). Deadlines are counted only inside
 * working periods, so a ticket reported on the eve of the Spring Festival is not overdue during the holiday.
 */
public final class WorkingCalendar {

    /** One working period of a day, e.g. 08:30-12:00. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("working period must end after it starts: " + start + "-" + end);
            }
        }

        long minutes() {
            return Duration.between(start, end).toMinutes();
        }

        public static Period parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("working period must look like 08:30-12:00: " + text);
            }
            return new Period(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }
    }

    private static final int MAX_DAYS_SCANNED = 3660;

    private final ZoneId zone;
    private final List<Period> periods;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    public WorkingCalendar(ZoneId zone, List<Period> periods, Collection<HolidayYear> years) {
        this.zone = zone;
        this.periods = periods.stream().sorted(Comparator.comparing(Period::start)).toList();
        if (this.periods.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working period");
        }
        this.holidays = new HashSet<>();
        this.workdays = new HashSet<>();
        for (HolidayYear year : years) {
            holidays.addAll(year.holidays());
            workdays.addAll(year.adjustedWorkdays());
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Minutes of work in one full working day (420 for 08:30-12:00 + 14:30-18:00). */
    public long minutesPerWorkingDay() {
        return periods.stream().mapToLong(Period::minutes).sum();
    }

    /** The instant after {@code minutes} working minutes counted from {@code start}. */
    public Instant plusWorkingMinutes(Instant start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        long left = minutes;
        for (int i = 0; i < MAX_DAYS_SCANNED; i++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                for (Period p : periods) {
                    LocalDateTime from = max(cursor, date.atTime(p.start()));
                    LocalDateTime to = date.atTime(p.end());
                    if (!from.isBefore(to)) {
                        continue;
                    }
                    long available = Duration.between(from, to).toMinutes();
                    if (left <= available) {
                        // Ending exactly at a period's end is fine: "due by 12:00".
                        return from.plusMinutes(left).atZone(zone).toInstant();
                    }
                    left -= available;
                }
            }
            cursor = date.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("no working time within ten years after " + start);
    }

    /** Working minutes between two instants (0 if {@code to} is not after {@code from}). */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        long total = 0;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period p : periods) {
                LocalDateTime a = max(start, date.atTime(p.start()));
                LocalDateTime b = min(end, date.atTime(p.end()));
                if (a.isBefore(b)) {
                    total += Duration.between(a, b).toMinutes();
                }
            }
        }
        return total;
    }

    /** Working days of a month, for tests and planning views. */
    public List<LocalDate> workingDays(LocalDate from, LocalDate toInclusive) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
