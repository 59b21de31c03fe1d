package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.events.talent.TalentEvents;

class TalentFiguresTest {

    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void countsByCategoryClassNeedsAndOverdueRequestsInTheDistrict() {
        var registered = List.of(
                new TalentEvents.TalentRegistered("t1", "HIGH_LEVEL", "C", List.of("medicine/tcm"), "TY", "SELF",
                        List.of("ONSITE"), T),
                new TalentEvents.TalentRegistered("t2", "HIGH_LEVEL", "C", List.of(), "TY", "SELF", List.of(), T),
                new TalentEvents.TalentRegistered("t3", "SNOWBIRD", null, List.of(), "TY", "SELF", List.of(), T),
                new TalentEvents.TalentRegistered("t4", "SNOWBIRD", null, List.of(), "HT", "SELF", List.of(), T));
        var certified = List.of(new TalentEvents.TalentCertified("t1", "HIGH_LEVEL", "C", List.of(), "TY", T),
                new TalentEvents.TalentCertified("t3", "SNOWBIRD", null, List.of(), "TY",
                        Instant.parse("2026-03-31T17:00:00Z")));
        var needs = List.of(need("n1", "TY"), need("n2", "TY"), need("n3", "TY"), need("n4", "HT"));
        var accepted = List.of(accepted("p1", "n1"), accepted("p2", "n1"), accepted("p3", "n2"), accepted("p4", "n4"));
        var completed = List.of(new TalentEvents.MatchCompleted("p1", "n1", "t1", 5, "HIGH_LEVEL", "TY", "ONSITE", T));
        var requested = List.of(requested("r1", "t1"), requested("r2", "t3"), requested("r3", "t4"));
        var overdue = List.of(new TalentEvents.ServiceRequestOverdue("r1", "t1", "l1", "HOUSING", T, T),
                new TalentEvents.ServiceRequestOverdue("r3", "t4", "l1", "HOUSING", T, T));
        var events = new TalentFigures.Events(registered, certified, List.of(), List.of(), needs, accepted, completed,
                requested, overdue);

        var f = TalentFigures.of(events, new Scope("TY", null, null), TODAY);

        assertThat(f.byCategoryAndClass()).containsExactly(
                new TalentFigures.CategoryClass("HIGH_LEVEL", "C", 2, 1),
                new TalentFigures.CategoryClass("SNOWBIRD", "-", 1, 1));
        // 31 March 17:00 UTC is already 1 April in Sanya.
        assertThat(f.certifiedPerMonth()).isEqualTo(Map.of("2026-03", 1L, "2026-04", 1L));
        assertThat(f.needs()).isEqualTo(new TalentFigures.Needs(3, 2, 1, 3, 1));
        assertThat(f.liaisonRequests().requested()).isEqualTo(2);
        assertThat(f.liaisonRequests().overdue()).isEqualTo(1);
        assertThat(f.liaisonRequests().overdueRate()).isEqualByComparingTo("50.00");
        assertThat(f.liaisonRequests().overdueByType()).isEqualTo(Map.of("HOUSING", 1L));
    }

    @Test
    void aStayEndedBeforeItsStartArrivedEndsAtTheActualDeparture() {
        var ended = new TalentEvents.StayEnded("t1", "s1", "SNOWBIRD", List.of("education/math"), "TY",
                "2026-01-10", "2026-02-20", List.of("2026-01", "2026-02"), 41);
        var started = new TalentEvents.StayStarted("t1", "s1", "SNOWBIRD", List.of("education/math"), "TY",
                "2026-01-10", "2026-04-30", List.of("2026-01", "2026-02", "2026-03", "2026-04"));
        var events = new TalentFigures.Events(List.of(), List.of(), List.of(started), List.of(ended), List.of(),
                List.of(), List.of(), List.of(), List.of());

        var tide = TalentFigures.of(events, Scope.ALL, TODAY).tide();

        assertThat(tide).extracting(TalentTide.Month::month).containsExactly("2026-01", "2026-02");
    }

    private static TalentEvents.NeedPosted need(String id, String district) {
        return new TalentEvents.NeedPosted(id, "义诊", "VILLAGE", "村委会", List.of("medicine"), district, "2026-03-01",
                "2026-03-31", 2, "ONSITE", T);
    }

    private static TalentEvents.MatchAccepted accepted(String proposal, String need) {
        return new TalentEvents.MatchAccepted(proposal, need, "t1", "HIGH_LEVEL", "TY", "ONSITE", 1, 2, T);
    }

    private static TalentEvents.ServiceRequested requested(String id, String talent) {
        return new TalentEvents.ServiceRequested(id, talent, "l1", "HOUSING", T, T);
    }
}
