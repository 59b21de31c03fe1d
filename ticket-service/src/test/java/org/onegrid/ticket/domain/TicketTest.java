package org.onegrid.ticket.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.ticket.domain.Calendars.local;

class TicketTest {

    private static final CategoryRule SANITATION = new CategoryRule("sanitation", "环境卫生", "Sanitation", "HW",
            WorkingDuration.parse("2h"), WorkingDuration.parse("1d"),
            Map.of("YZ", new CategoryRule.DistrictOverride(null, null, WorkingDuration.parse("4h"))));
    private static final CategoryRule ROADS = new CategoryRule("roads", "道路设施", "Roads", "JT",
            WorkingDuration.parse("4h"), WorkingDuration.parse("5d"), Map.of());

    private final TicketPolicy policy = new TicketPolicy(Calendars.sanya(), 0.8, 1, 2,
            WorkingDuration.parse("3d"));
    private final Actor worker = new Actor("gw-1", Role.GRID_WORKER, "TY", null);
    private final Actor dispatcher = new Actor("d-1", Role.DISPATCHER, "TY", null);
    private final Actor otherDispatcher = new Actor("d-9", Role.DISPATCHER, "YZ", null);
    private final Actor sanitation = new Actor("h-1", Role.DEPARTMENT_HANDLER, null, "HW");
    private final Actor transport = new Actor("h-2", Role.DEPARTMENT_HANDLER, null, "JT");
    private final Actor requester = new Actor("r-1", Role.REQUESTER, null, null);
    private final Instant monday9 = local("2026-03-02T09:00");

    private Ticket report(String district, CategoryRule rule) {
        return Ticket.report("t-1", district + "-20260302-0001", new Ticket.NewTicket("GRID_APP", null, "req-1",
                "垃圾桶满溢", "请清运", "金鸡岭路", null, "王小明", "13812345678", "r-1", district, district + "-X",
                district + "-X-01", rule.code(), List.of("photo-1"), null, null, null), rule, "secret", worker, monday9, policy);
    }

    @Test
    void walksTheWholeLoopWithDeadlinesOnWorkingTime() {
        Ticket t = report("TY", SANITATION);
        assertThat(t.data().firstResponse.dueAt()).isEqualTo(local("2026-03-02T11:00"));
        assertThat(t.data().firstResponse.warnAt()).isEqualTo(local("2026-03-02T10:36"));
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-03T09:00"));

        t.accept(dispatcher, local("2026-03-02T09:30"), null, null, null, false, "属实");
        t.dispatch(dispatcher, local("2026-03-02T09:40"), null, SANITATION, null);
        assertThat(t.data().departmentCode).isEqualTo("HW");
        t.start(sanitation, local("2026-03-02T10:00"), null);
        t.resolve(sanitation, local("2026-03-02T15:30"), "已清运", List.of("photo-2"));
        t.reply(dispatcher, local("2026-03-02T16:00"), "已回复");
        t.rate(requester, local("2026-03-02T17:00"), "secret", Rating.SATISFIED, "好", SANITATION);

        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(t.changes()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reported", "Accepted",
                "Dispatched", "Started", "Resolved", "Replied", "Rated", "Closed");
        var resolved = (TicketChange.Resolved) t.changes().get(4);
        assertThat(resolved.onTime()).isTrue();
        assertThat(resolved.onTheSpot()).isFalse();
        // 09:30-12:00 and 14:30-15:30 = 3.5 working hours.
        assertThat(resolved.handlingWorkingHours()).isEqualTo(3.5);
        assertThat(t.data().history).extracting(HistoryEntry::action).containsExactly("report", "accept", "dispatch",
                "start", "resolve", "reply", "rate", "close");
        assertThat(t.data().history.get(4).attachments()).containsExactly("photo-2");
        assertThat(t.nextDeadlineCheck()).isNull();
    }

    @Test
    void districtOverrideShortensTheSolutionDeadline() {
        Ticket t = report("YZ", SANITATION);
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-02T15:30"));
    }

    @Test
    void gridWorkerResolvesOnTheSpot() {
        Ticket t = report("TY", SANITATION);
        t.accept(worker, monday9, null, null, null, false, null);
        t.resolve(worker, local("2026-03-02T09:20"), "当场清理", null);
        assertThat(((TicketChange.Resolved) t.changes().get(2)).onTheSpot()).isTrue();
    }

    @Test
    void illegalTransitionNamesTheCurrentState() {
        Ticket t = report("TY", SANITATION);
        assertThatThrownBy(() -> t.dispatch(dispatcher, monday9, "HW", SANITATION, null))
                .isInstanceOfSatisfying(TicketException.IllegalTransition.class,
                        e -> assertThat(e.current()).isEqualTo(TicketStatus.REPORTED))
                .hasMessageContaining("REPORTED");
    }

    @Test
    void rolesAreBoundToTheirDistrictAndDepartment() {
        Ticket t = report("TY", SANITATION);
        assertThatThrownBy(() -> t.accept(otherDispatcher, monday9, null, null, null, false, null))
                .isInstanceOf(TicketException.NotAllowed.class);
        assertThatThrownBy(() -> t.accept(requester, monday9, null, null, null, false, null))
                .isInstanceOf(TicketException.NotAllowed.class);
        t.accept(dispatcher, monday9, null, null, null, false, null);
        t.dispatch(dispatcher, monday9, null, SANITATION, null);
        assertThatThrownBy(() -> t.start(transport, monday9, null)).isInstanceOf(TicketException.NotAllowed.class);
        assertThat(t.status()).isEqualTo(TicketStatus.DISPATCHED);
    }

    @Test
    void returnedTicketIsReDispatchedElsewhere() {
        Ticket t = report("TY", SANITATION);
        t.accept(dispatcher, monday9, ROADS, null, null, false, null);
        assertThat(t.data().categoryCode).isEqualTo("roads");
        t.dispatch(dispatcher, monday9, "HW", ROADS, null);
        t.returnToCentre(sanitation, monday9, "不属于环卫职责");
        assertThat(t.status()).isEqualTo(TicketStatus.RETURNED);
        t.dispatch(dispatcher, monday9, null, ROADS, null);
        assertThat(t.data().departmentCode).isEqualTo("JT");
        assertThat(t.data().dispatchCount).isEqualTo(2);
    }

    @Test
    void onlyTheTokenHolderRatesAndUnsatisfiedReopensThenEscalates() {
        Ticket t = report("TY", SANITATION);
        t.accept(worker, monday9, null, null, null, false, null);
        t.resolve(worker, monday9, "已处理", null);
        t.reply(worker, monday9, "已回复");
        assertThatThrownBy(() -> t.rate(requester, monday9, "guess", Rating.UNSATISFIED, null, SANITATION))
                .isInstanceOf(TicketException.NotAllowed.class);

        t.rate(requester, local("2026-03-02T10:00"), "secret", Rating.UNSATISFIED, "没解决", SANITATION);
        assertThat(t.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(t.data().reopenCount).isEqualTo(1);
        assertThat(t.data().solution.dueAt()).isEqualTo(local("2026-03-03T10:00"));

        t.resolve(worker, monday9, "再次处理", null);
        t.reply(worker, monday9, "已回复");
        t.rate(requester, monday9, "secret", Rating.UNSATISFIED, "还是没解决", SANITATION);
        // Policy allows one reopening: the second unsatisfied rating escalates instead.
        assertThat(t.status()).isEqualTo(TicketStatus.REPLIED);
        assertThat(t.data().escalationLevel).isEqualTo(1);
        assertThat(t.changes().get(t.changes().size() - 1)).isInstanceOf(TicketChange.Escalated.class);
    }

    @Test
    void deadlineWarningAndEscalationHappenOnceEachAndCatchUp() {
        Ticket t = report("TY", SANITATION);
        assertThat(t.nextDeadlineCheck()).isEqualTo(local("2026-03-02T10:36"));
        assertThat(t.checkDeadlines(local("2026-03-02T10:00"))).isFalse();
        assertThat(t.checkDeadlines(local("2026-03-02T10:40"))).isTrue();
        assertThat(t.checkDeadlines(local("2026-03-02T10:41"))).isFalse();
        assertThat(t.nextDeadlineCheck()).isEqualTo(local("2026-03-02T11:00"));

        // A run missed for days: the first-response escalation and the solution escalation both happen, once.
        assertThat(t.checkDeadlines(local("2026-03-05T09:00"))).isTrue();
        assertThat(t.checkDeadlines(local("2026-03-06T09:00"))).isFalse();
        assertThat(t.changes()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("Reported", "Warned", "Escalated", "Escalated");
        assertThat(t.data().escalationLevel).isEqualTo(2);
        assertThat(t.nextDeadlineCheck()).isNull();
    }

    @Test
    void aRepliedTicketClosesUnratedWhenTheRatingWindowPasses() {
        Ticket t = report("TY", SANITATION);
        t.accept(worker, monday9, null, null, null, false, null);
        t.resolve(worker, local("2026-03-02T09:30"), "已处理", null);
        t.reply(worker, local("2026-03-02T16:00"), "已回复");
        assertThat(t.nextDeadlineCheck()).isEqualTo(local("2026-03-05T16:00"));
        assertThat(t.checkDeadlines(local("2026-03-05T15:59"))).isFalse();
        assertThat(t.checkDeadlines(local("2026-03-05T16:00"))).isTrue();
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(t.changes().get(t.changes().size() - 1)).isEqualTo(new TicketChange.Closed(false));
        assertThat(t.nextDeadlineCheck()).isNull();
    }

    @Test
    void mergedDuplicateClosesWithItsParent() {
        Ticket parent = report("TY", SANITATION);
        Ticket child = Ticket.report("t-2", "TY-2", new Ticket.NewTicket("GRID_APP", null, null, "同一垃圾桶", null,
                null, null, null, null, null, "TY", null, null, "sanitation", null, null, null, null), SANITATION, "s2", worker,
                monday9, policy);
        child.mergeInto(dispatcher, monday9, parent, "重复");
        assertThat(child.status()).isEqualTo(TicketStatus.MERGED);
        assertThat(child.nextDeadlineCheck()).isNull();
        child.close(Actor.system("merge"), monday9, null);
        assertThat(child.status()).isEqualTo(TicketStatus.CLOSED);
        assertThatThrownBy(() -> parent.mergeInto(dispatcher, monday9, parent, null))
                .isInstanceOf(TicketException.InvalidCommand.class);
    }

    @Test
    void gridPolygonAndNearestCentroid() {
        GridCell square = new GridCell("TY-JJL-01", "g", "TY", "TY-JJL", null, null, new GeoPoint(18.26, 109.50),
                List.of(new double[]{109.497, 18.257}, new double[]{109.503, 18.257}, new double[]{109.503, 18.263},
                        new double[]{109.497, 18.263}, new double[]{109.497, 18.257}));
        GridCell village = new GridCell("TY-TL-01", "v", "TY", "TY-TL", null, null, new GeoPoint(18.33, 109.42),
                List.of());
        GridLocator locator = new GridLocator(3000);
        assertThat(locator.locate(new GeoPoint(18.261, 109.501), List.of(village, square)).orElseThrow())
                .satisfies(l -> {
                    assertThat(l.grid().code()).isEqualTo("TY-JJL-01");
                    assertThat(l.method()).isEqualTo(GridLocator.Method.POLYGON);
                });
        assertThat(locator.locate(new GeoPoint(18.335, 109.42), List.of(square, village)).orElseThrow().method())
                .isEqualTo(GridLocator.Method.NEAREST_CENTROID);
        assertThat(locator.locate(new GeoPoint(18.60, 109.80), List.of(square, village))).isEmpty();
    }
}
