package org.onegrid.center.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final List<TimeRange> OFFICE = List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new TimeRange(LocalTime.of(14, 30), LocalTime.of(17, 30)));

    // 2026-09-30 is a Wednesday; 2026-10-01 (Thursday) is 国庆节; 2026-10-10 (Saturday) has special hours.
    private final OpeningHours hours = new OpeningHours(false,
            Map.of(DayOfWeek.WEDNESDAY, OFFICE, DayOfWeek.THURSDAY, OFFICE),
            List.of(new OpeningException(LocalDate.of(2026, 10, 1), List.of(), "国庆节"),
                    new OpeningException(LocalDate.of(2026, 10, 10),
                            List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(12, 0))), "调休")));

    @Test
    void followsTheWeeklyPatternInSanyaLocalTime() {
        // 01:30 UTC = 09:30 in Asia/Shanghai
        assertThat(hours.isOpen(Instant.parse("2026-09-30T01:30:00Z"))).isTrue();
        // 05:00 UTC = 13:00, the midday break
        assertThat(hours.isOpen(Instant.parse("2026-09-30T05:00:00Z"))).isFalse();
        // 09:29 UTC = 17:29 open, 09:30 UTC = 17:30 closed (closing time is exclusive)
        assertThat(hours.isOpen(Instant.parse("2026-09-30T09:29:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-09-30T09:30:00Z"))).isFalse();
        // 23:30 UTC on Tuesday is already Wednesday 07:30 in Sanya — before opening
        assertThat(hours.isOpen(Instant.parse("2026-09-29T23:30:00Z"))).isFalse();
        // 00:30 UTC Wednesday = 08:30 local
        assertThat(hours.isOpen(Instant.parse("2026-09-30T00:30:00Z"))).isTrue();
    }

    @Test
    void aHolidayClosesTheWholeDayDespiteTheWeeklyPattern() {
        // Thursday 10:00 local would be open; on 2026-10-01 it is not.
        assertThat(hours.isOpen(Instant.parse("2026-10-01T02:00:00Z"))).isFalse();
        // and the following Thursday it is again
        assertThat(hours.isOpen(Instant.parse("2026-10-08T02:00:00Z"))).isTrue();
    }

    @Test
    void specialHoursOpenADayThatIsNormallyClosed() {
        // Saturday 2026-10-10 10:00 local (02:00 UTC): open by exception; 13:00 local closed.
        assertThat(hours.isOpen(Instant.parse("2026-10-10T02:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-10-10T05:00:00Z"))).isFalse();
        // An ordinary Saturday has no hours.
        assertThat(hours.isOpen(Instant.parse("2026-10-17T02:00:00Z"))).isFalse();
    }

    @Test
    void aRoundTheClockCentreIsOpenAtNightButNotOnAClosureDay() {
        var allDay = new OpeningHours(true, Map.of(),
                List.of(new OpeningException(LocalDate.of(2026, 10, 1), List.of(), "设备检修")));
        assertThat(allDay.isOpen(Instant.parse("2026-09-29T19:00:00Z"))).isTrue(); // 03:00 local on 09-30
        // 2026-09-30T16:00Z is 2026-10-01 00:00 in Sanya: the closure has begun
        assertThat(allDay.isOpen(Instant.parse("2026-09-30T16:00:00Z"))).isFalse();
        assertThat(allDay.isOpen(Instant.parse("2026-09-30T15:59:59Z"))).isTrue();
    }

    @Test
    void aRangeMustEndAfterItStarts() {
        assertThatThrownBy(() -> new TimeRange(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
