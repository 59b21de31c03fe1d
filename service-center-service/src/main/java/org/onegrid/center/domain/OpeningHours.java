package org.onegrid.center.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly opening hours in local time (Asia/Shanghai for Sanya) with dated exceptions, which win over the weekly
 * pattern for their whole day. {@code allDay} is for centres open 24/7 (e.g. 三亚湾党群服务中心); closures still apply.
 */
public record OpeningHours(boolean allDay, Map<DayOfWeek, List<TimeRange>> weekly, List<OpeningException> exceptions) {

    public static final ZoneId SANYA = ZoneId.of("Asia/Shanghai");

    public OpeningHours {
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
        }
        weekly = Map.copyOf(copy);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    public static OpeningHours always() {
        return new OpeningHours(true, Map.of(), List.of());
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (OpeningException exception : exceptions) {
            if (exception.date().equals(date)) {
                return exception.ranges().stream().anyMatch(r -> r.contains(local.toLocalTime()));
            }
        }
        if (allDay) {
            return true;
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .anyMatch(r -> r.contains(local.toLocalTime()));
    }

    public boolean isOpen(Instant at) {
        return isOpen(at, SANYA);
    }
}
