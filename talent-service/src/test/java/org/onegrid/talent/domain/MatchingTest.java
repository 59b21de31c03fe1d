package org.onegrid.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Matching on a fixture of 候鸟 winter stays: who can serve a clinic in January, and who in June. */
class MatchingTest {

    private static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);
    private static final LocalDate JAN_20 = LocalDate.of(2026, 1, 20);

    private static Stay stay(String from, String to, District d) {
        return new Stay(from + d, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), d, false);
    }

    private static Matching.Candidate candidate(String id, List<String> tags, District home, boolean resident,
                                                List<Stay> stays, int active, int ratings, double avg) {
        return new Matching.Candidate(id, tags, List.of(), home, resident, stays,
                List.of(VolunteerMode.CLINIC, VolunteerMode.LECTURE), active, ratings, avg);
    }

    // A Beijing cardiologist wintering in Jiyang, near 大茅村, November to mid-April.
    private final Matching.Candidate cardiologistWinter = candidate("a-cardiologist", List.of("medicine/cardiology"),
            District.JY, false, List.of(stay("2025-11-01", "2026-04-15", District.JY)), 0, 2, 4.5);
    // A general physician, in Yazhou (far west) the whole winter.
    private final Matching.Candidate physicianYazhou = candidate("d-physician", List.of("medicine"), District.YZ,
            false, List.of(stay("2025-10-20", "2026-05-10", District.YZ)), 0, 0, 0);
    // A geriatrician living in Sanya (Tianya): sibling speciality, always present, but busy.
    private final Matching.Candidate geriatricianResident = candidate("b-geriatrician",
            List.of("medicine/geriatrics"), District.TY, true, List.of(), 2, 0, 0);
    // A cardiologist who flies home on 15 January, in the middle of the window.
    private final Matching.Candidate cardiologistLeaving = candidate("c-cardiologist-leaves",
            List.of("medicine/cardiology"), District.JY, false,
            List.of(stay("2025-10-01", "2026-01-15", District.JY)), 0, 5, 5.0);
    // A mathematics teacher: no medical expertise at all.
    private final Matching.Candidate teacher = candidate("e-teacher", List.of("education/mathematics"), District.JY,
            true, List.of(), 0, 0, 0);

    private final List<Matching.Candidate> fixture = List.of(teacher, cardiologistLeaving, geriatricianResident,
            physicianYazhou, cardiologistWinter);

    @Test
    void ranksAWinterClinicByExpertisePresenceDistanceWorkloadAndFeedback() {
        var need = new Matching.NeedSpec(List.of("medicine/cardiology"), District.JY, JAN_10, JAN_20,
                VolunteerMode.CLINIC);

        List<Matching.Score> ranking = Matching.rank(need, fixture);

        assertThat(ranking).extracting(Matching.Score::talentId).containsExactly(
                "a-cardiologist", "d-physician", "b-geriatrician", "c-cardiologist-leaves", "e-teacher");
        assertThat(ranking).extracting(Matching.Score::eligible).containsExactly(true, true, true, false, false);

        Matching.Score best = ranking.get(0);
        assertThat(best.components().get("expertise").value()).isEqualTo(1.0);
        assertThat(best.components().get("expertise").why()).contains("medicine/cardiology ← medicine/cardiology");
        assertThat(best.components().get("presence").value()).isEqualTo(1.0);
        assertThat(best.components().get("district").why()).isEqualTo("same district JY");
        assertThat(best.components().get("feedback").why()).contains("average rating 4.50");
        // 0.45*1 + 0.15*1 + 0.15*1 + 0.10*1 + 0.15*0.9
        assertThat(best.total()).isEqualTo(0.985);

        Matching.Score parent = ranking.get(1);
        assertThat(parent.components().get("expertise").value()).isEqualTo(ExpertiseVocabulary.PARENT);
        assertThat(parent.components().get("district").why()).startsWith("YZ → JY ~");

        Matching.Score sibling = ranking.get(2);
        assertThat(sibling.components().get("expertise").value()).isEqualTo(ExpertiseVocabulary.SIBLING);
        assertThat(sibling.components().get("presence").why()).isEqualTo("lives in Sanya");
        assertThat(sibling.components().get("workload").value()).isEqualTo(1.0 / 3);

        Matching.Score leaving = ranking.get(3);
        assertThat(leaving.exclusions()).containsExactly("not in Sanya for the whole window 2026-01-10..2026-01-20");
        assertThat(leaving.components().get("presence").value()).isEqualTo(6.0 / 11);

        assertThat(ranking.get(4).exclusions()).contains("no matching expertise");
    }

    @Test
    void aMigratoryExpertWhoLeavesInAprilCannotServeAJuneNeed() {
        var june = new Matching.NeedSpec(List.of("medicine"), District.JY, LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 30), VolunteerMode.LECTURE);

        List<Matching.Score> ranking = Matching.rank(june, fixture);

        assertThat(ranking.stream().filter(Matching.Score::eligible).map(Matching.Score::talentId))
                .containsExactly("b-geriatrician");
        Matching.Score winter = ranking.stream().filter(s -> s.talentId().equals("a-cardiologist")).findFirst()
                .orElseThrow();
        assertThat(winter.eligible()).isFalse();
        assertThat(winter.components().get("presence").value()).isZero();
    }

    @Test
    void staysThatFollowOneAnotherCoverAWindowTogether() {
        var chained = candidate("chained", List.of("medicine/cardiology"), District.JY, false,
                List.of(stay("2026-01-01", "2026-01-14", District.JY), stay("2026-01-15", "2026-02-28", District.JY)),
                0, 0, 0);
        var need = new Matching.NeedSpec(List.of("medicine/cardiology"), District.JY, JAN_10, JAN_20,
                VolunteerMode.CLINIC);

        assertThat(Matching.score(need, chained).eligible()).isTrue();
    }

    @Test
    void aTalentWhoDoesNotOfferTheModeIsRuledOut() {
        var need = new Matching.NeedSpec(List.of("medicine/cardiology"), District.JY, JAN_10, JAN_20,
                VolunteerMode.PROJECT);

        assertThat(Matching.score(need, cardiologistWinter).exclusions()).containsExactly("does not offer PROJECT");
    }

    @Test
    void aWindowMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Matching.NeedSpec(List.of("medicine"), District.JY, JAN_20, JAN_10,
                VolunteerMode.CLINIC)).isInstanceOf(RuleViolation.class).hasMessageContaining("windowStart");
    }
}
