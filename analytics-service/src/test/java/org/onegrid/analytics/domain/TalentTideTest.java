package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TalentTideTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);

    @Test
    void aStayCountsInEveryMonthItOverlapsOncePerExpertiseArea() {
        var winter = new TalentTide.Stay("s1", "TY", List.of("medicine/cardiology", "medicine/geriatrics"),
                LocalDate.of(2025, 11, 20), null, LocalDate.of(2026, 2, 3));
        var spring = new TalentTide.Stay("s2", "HT", List.of("education/math", "medicine/tcm"),
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1), null);

        var tide = TalentTide.of(List.of(winter, spring), null, null, TODAY);

        assertThat(tide).extracting(TalentTide.Month::month)
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02", "2026-03");
        assertThat(tide).extracting(TalentTide.Month::present).containsExactly(1L, 1L, 2L, 2L, 1L);
        assertThat(tide.get(2).byExpertise()).isEqualTo(Map.of("medicine", 2L, "education", 1L));
        assertThat(tide.get(4).byExpertise()).isEqualTo(Map.of("medicine", 1L, "education", 1L));
    }

    @Test
    void aRangeListsEveryMonthInItAndAnOpenStayRunsToToday() {
        var open = new TalentTide.Stay("s3", "YZ", List.of(), LocalDate.of(2026, 10, 2), null, null);

        var tide = TalentTide.of(List.of(open), YearMonth.of(2026, 8), YearMonth.of(2027, 1), TODAY);

        assertThat(tide).extracting(TalentTide.Month::present).containsExactly(0L, 0L, 1L, 1L, 1L, 0L);
        assertThat(tide.get(3).byExpertise()).isEqualTo(Map.of("other", 1L));
    }

    @Test
    void octoberToMayIsThePeakSeason() {
        assertThat(TalentTide.isPeakSeason(YearMonth.of(2026, 10))).isTrue();
        assertThat(TalentTide.isPeakSeason(YearMonth.of(2026, 5))).isTrue();
        assertThat(TalentTide.isPeakSeason(YearMonth.of(2026, 6))).isFalse();
        assertThat(TalentTide.isPeakSeason(YearMonth.of(2026, 9))).isFalse();
    }
}
