package org.onegrid.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class PresenceTideTest {

    @Test
    void migratoryTalentSwellTheWinterMonthsAboveTheResidentBase() {
        var winter = new Stay("s1", LocalDate.of(2025, 10, 15), LocalDate.of(2026, 5, 10), District.TY, true);
        var shortWinter = new Stay("s2", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 2, 28), District.HT, true);
        List<PresenceTide.Subject> subjects = List.of(
                new PresenceTide.Subject(Category.MIGRATORY, List.of("medicine/cardiology"), false, List.of(winter)),
                new PresenceTide.Subject(Category.SILVER_ELITE, List.of("education/mathematics"), false,
                        List.of(shortWinter)),
                new PresenceTide.Subject(Category.HIGH_LEVEL, List.of("agriculture/seed-breeding"), true, List.of()));

        List<PresenceTide.Month> tide = PresenceTide.compute(subjects, YearMonth.of(2025, 9), YearMonth.of(2026, 6));

        assertThat(tide).extracting(PresenceTide.Month::month).startsWith("2025-09").endsWith("2026-06");
        assertThat(tide).extracting(PresenceTide.Month::total).containsExactly(1L, 2L, 2L, 3L, 3L, 3L, 2L, 2L, 2L, 1L);
        PresenceTide.Month january = tide.get(4);
        assertThat(january.byCategory()).containsEntry("MIGRATORY", 1L).containsEntry("SILVER_ELITE", 1L)
                .containsEntry("HIGH_LEVEL", 1L).containsEntry("GENERAL", 0L);
        assertThat(january.byExpertise()).containsEntry("medicine", 1L).containsEntry("education", 1L)
                .containsEntry("agriculture", 1L);
    }

    @Test
    void coverageCountsOnlyTheDaysInsideStays() {
        var stay = new Stay("s", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), District.JY, false);
        assertThat(Presence.coverage(false, List.of(stay), LocalDate.of(2026, 1, 11), LocalDate.of(2026, 1, 20)))
                .isEqualTo(0.5);
        assertThat(Presence.presentOn(false, List.of(stay), LocalDate.of(2026, 1, 16))).isFalse();
        assertThat(stay.months(null)).containsExactly("2026-01");
    }
}
