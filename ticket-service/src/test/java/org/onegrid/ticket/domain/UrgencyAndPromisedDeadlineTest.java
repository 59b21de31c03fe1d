package org.onegrid.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.ticket.domain.Calendars.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The 12345 hotline grades its cases and may promise the caller a date; the ticket's deadlines follow both. */
class UrgencyAndPromisedDeadlineTest {

    // First response 2 working hours, solution 1 working day (08:30-12:00 and 14:30-18:00 = 7 h).
    private static final CategoryRule SANITATION = new CategoryRule("sanitation", "环境卫生", "Sanitation", "HW",
            WorkingDuration.parse("2h"), WorkingDuration.parse("1d"), Map.of());
    private static final CategoryRule ROADS = new CategoryRule("roads", "道路设施", "Roads", "JT",
            WorkingDuration.parse("4h"), WorkingDuration.parse("5d"), Map.of());

    private final TicketPolicy policy = new TicketPolicy(Calendars.sanya(), 0.8, 1, 2, WorkingDuration.parse("3d"));
    private final Actor hotline = Actor.system("hotline:hotline-12345");
    private final Actor dispatcher = new Actor("d-1", Role.DISPATCHER, "TY", null);
    private final Instant monday9 = local("2026-03-02T09:00");

    private Ticket report(Urgency urgency, Instant promisedBy) {
        return Ticket.report("t-1", "TY-20260302-0001", new Ticket.NewTicket("HOTLINE", "SY-1", null, "积水", "积水",
                null, null, null, null, null, "TY", null, null, "sanitation", null, urgency, promisedBy, null),
                SANITATION, "secret", hotline, monday9, policy);
    }

    @Test
    void anUngradedCaseGetsTheCategorysDeadlines() {
        Ticket t = report(null, null);
        assertThat(t.data().urgency).isEqualTo(Urgency.NORMAL);
        assertThat(t.data().firstResponse.dueAt()).isEqualTo(local("2026-03-02T11:00"));
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-03T09:00"));
    }

    @Test
    void urgentHalvesAndVeryUrgentQuartersTheWorkingTime() {
        Ticket urgent = report(Urgency.URGENT, null);
        assertThat(urgent.data().firstResponse.dueAt()).isEqualTo(local("2026-03-02T10:00"));
        // 210 working minutes: 09:00-12:00, then 14:30-15:00.
        assertThat(urgent.data().solution.dueAt()).isEqualTo(local("2026-03-02T15:00"));

        Ticket veryUrgent = report(Urgency.VERY_URGENT, null);
        assertThat(veryUrgent.data().firstResponse.dueAt()).isEqualTo(local("2026-03-02T09:30"));
        assertThat(veryUrgent.data().solution.dueAt()).isEqualTo(local("2026-03-02T10:45"));
        assertThat(veryUrgent.data().solution.warnAt()).isEqualTo(local("2026-03-02T10:24"));
    }

    @Test
    void anEarlierPromiseBecomesTheSolutionDeadlineWithItsWarning() {
        Ticket t = report(Urgency.NORMAL, local("2026-03-02T17:00"));
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-02T17:00"));
        // 80 % of the 8 hours left.
        assertThat(t.data().solution.warnAt()).isEqualTo(local("2026-03-02T15:24"));
        assertThat(t.data().firstResponse.dueAt()).as("the promise is about the solution")
                .isEqualTo(local("2026-03-02T11:00"));
    }

    @Test
    void aLaterPromiseDoesNotRelaxTheCategorysDeadline() {
        Ticket t = report(Urgency.NORMAL, local("2026-03-06T17:00"));
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-03T09:00"));
    }

    @Test
    void reclassifyingKeepsTheGradingAndThePromise() {
        Ticket t = report(Urgency.URGENT, local("2026-03-04T12:00"));
        t.accept(dispatcher, local("2026-03-02T09:30"), ROADS, null, null, false, null);
        // Roads: 5 working days, urgent: 1050 working minutes from Monday 09:00 = Wednesday 15:00; the promise is
        // earlier and wins.
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-04T12:00"));

        Ticket relaxed = report(Urgency.URGENT, null);
        relaxed.accept(dispatcher, local("2026-03-02T09:30"), ROADS, null, null, false, null);
        assertThat(relaxed.data().solution.dueAt()).isEqualTo(local("2026-03-04T15:00"));
    }

    @Test
    void aPassedPromiseEscalatesAtTheFirstCheck() {
        Ticket t = report(Urgency.NORMAL, local("2026-03-02T10:00"));
        assertThat(t.checkDeadlines(local("2026-03-02T10:01"))).isTrue();
        assertThat(t.changes()).extracting(c -> c.getClass().getSimpleName()).contains("Escalated");
        assertThat(List.copyOf(t.data().history)).extracting(HistoryEntry::action).contains("escalate");
    }
}
