package org.onegrid.ticket.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The shipped calendar files, read the way the service reads them, for domain tests. */
final class Calendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Calendars() {
    }

    static WorkingCalendar sanya() {
        return new WorkingCalendar(SHANGHAI, List.of(WorkingCalendar.Period.parse("08:30-12:00"),
                WorkingCalendar.Period.parse("14:30-18:00")), List.of(year("calendar/cn-2026.txt"),
                year("calendar/cn-2027.txt")));
    }

    static HolidayYear year(String resource) {
        try (InputStream in = Calendars.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            return HolidayYear.parse(resource, lines);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Shanghai wall-clock time as an instant. */
    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }
}
