package org.onegrid.ticket.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.ticket.domain.Calendars.local;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = Calendars.sanya();

    @Test
    void springFestival2026HolidaysAndAdjustedSaturdays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday 调休 working day").isTrue();
        for (int day = 15; day <= 23; day++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, day))).as("Feb %d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Saturday 调休 working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).as("an ordinary Sunday").isFalse();
        // 20 weekdays, 6 of them holidays, plus the two working Saturdays.
        assertThat(calendar.workingDays(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))).hasSize(16);
    }

    @Test
    void twoWorkingHoursFromFridayEveningBeforeTheFestivalEndOnTheWorkingSaturday() {
        assertThat(calendar.plusWorkingMinutes(local("2026-02-13T17:00"), 120)).isEqualTo(local("2026-02-14T09:30"));
    }

    @Test
    void threeWorkingDaysJumpTheWholeSpringFestival() {
        // 1 h left on Sat 14th, nothing 15th-23rd, 7 h on 24th and 25th, then 6 h into the 26th.
        assertThat(calendar.plusWorkingMinutes(local("2026-02-14T17:00"), 3 * 420))
                .isEqualTo(local("2026-02-26T17:00"));
    }

    @Test
    void nationalDay2026WithItsWorkingSundayAndSaturday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday 调休 working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 调休 working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();

        assertThat(calendar.plusWorkingMinutes(local("2026-09-30T16:00"), 420)).isEqualTo(local("2026-10-08T16:00"));
        assertThat(calendar.workingMinutesBetween(local("2026-09-30T16:00"), local("2026-10-08T16:00")))
                .isEqualTo(420);
        // Reported on a holiday: the clock starts on the first working morning.
        assertThat(calendar.plusWorkingMinutes(local("2026-10-03T10:00"), 240)).isEqualTo(local("2026-10-08T15:00"));
        // Fri 9th 17:00 + 2 h runs into the working Saturday 10th.
        assertThat(calendar.plusWorkingMinutes(local("2026-10-09T17:00"), 120)).isEqualTo(local("2026-10-10T09:30"));
    }

    @Test
    void newYearAndLabourDayAdjustments() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).as("Saturday 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 19))).as("端午").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).as("中秋").isFalse();
    }

    @Test
    void lunchBreakAndEveningDoNotCount() {
        assertThat(calendar.plusWorkingMinutes(local("2026-03-02T12:30"), 60)).isEqualTo(local("2026-03-02T15:30"));
        assertThat(calendar.plusWorkingMinutes(local("2026-03-02T11:00"), 120)).isEqualTo(local("2026-03-02T15:30"));
        assertThat(calendar.plusWorkingMinutes(local("2026-03-02T20:00"), 30)).isEqualTo(local("2026-03-03T09:00"));
        assertThat(calendar.workingMinutesBetween(local("2026-03-02T08:00"), local("2026-03-02T20:00"))).isEqualTo(420);
        assertThat(calendar.minutesPerWorkingDay()).isEqualTo(420);
    }

    @Test
    void the2027FileIsMarkedProvisional() {
        assertThat(Calendars.year("calendar/cn-2027.txt").provisional()).isTrue();
        assertThat(Calendars.year("calendar/cn-2026.txt").provisional()).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).isFalse();
    }

    @Test
    void badCalendarLinesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> HolidayYear.parse("x.txt", java.util.List.of("# c", "holidy 2026-01-01")))
                .hasMessageContaining("x.txt line 2");
    }
}
