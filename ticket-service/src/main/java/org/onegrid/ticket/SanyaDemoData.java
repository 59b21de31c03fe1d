package org.onegrid.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.onegrid.platform.service.DemoData;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.GridCell;
import org.onegrid.ticket.domain.Rating;
import org.onegrid.ticket.domain.Role;
import org.onegrid.ticket.domain.Ticket;
import org.onegrid.ticket.store.GridStore;
import org.onegrid.ticket.store.SanyaReferenceData;
import org.onegrid.ticket.store.TicketStore;
import org.springframework.stereotype.Component;

/**
 * The local stack's Sanya: the grid register and a day of tickets across the five districts in every state of the
 * loop, so the boards and dashboards have something to show. Tickets go through {@link TicketService}, so their
 * events leave through the outbox like any other. Client request ids make a re-run create nothing twice.
 */
@Component
public class SanyaDemoData implements DemoData {

    /** One demo case: what was reported where, and how far through the loop it got. */
    private record Case(String title, String category, int stage) {
    }

    private static final List<Case> CASES = List.of(
            new Case("垃圾桶满溢未及时清运", "sanitation", 6),
            new Case("路灯不亮，夜间出行不便", "roads", 5),
            new Case("夜市商户音响噪声扰民", "noise", 3),
            new Case("小区停水两天未通知", "utilities", 4),
            new Case("楼顶疑似违规加建", "illegal-construction", 2),
            new Case("物业电梯长期故障", "property-management", 1),
            new Case("独居老人需要临时生活救助", "livelihood-help", 6),
            new Case("路面井盖破损", "roads", 0),
            new Case("餐馆后厨卫生差", "market", 5),
            new Case("小区门口乱停车堵塞通道", "public-order", 7),
            new Case("绿化带堆放建筑垃圾", "sanitation", 8),
            new Case("学校门口交通拥堵", "education", 2));

    private final TicketService tickets;
    private final GridStore grids;
    private final TicketStore store;

    public SanyaDemoData(TicketService tickets, GridStore grids, TicketStore store) {
        this.tickets = tickets;
        this.grids = grids;
        this.store = store;
    }

    @Override
    public String name() {
        return "ticket-grid";
    }

    @Override
    public Map<String, Long> load(MongoDatabase database) {
        List<GridCell> cells = SanyaReferenceData.saveWithGrids(grids);
        // The day so far: reports every quarter of an hour over the last ten hours, each handled in steps of
        // twenty minutes, so dashboards show a spread over time, some on time and some overdue.
        Instant start = tickets.now().minus(Duration.ofHours(10));
        int n = 0;
        for (GridCell grid : cells) {
            if (grid.code().endsWith("-02")) {
                for (int k = 0; k < 2; k++) {
                    play(grid, CASES.get(n % CASES.size()), "demo-" + grid.code() + "-" + k,
                            start.plus(Duration.ofMinutes(15L * n)));
                    n++;
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>(grids.counts());
        counts.put("tickets", store.count());
        return counts;
    }

    /** Creates the ticket and drives it to the case's stage: 0 reported … 6 closed, 7 returned, 8 reopened. */
    private void play(GridCell grid, Case c, String requestId, Instant reportedAt) {
        StepClock steps = new StepClock(reportedAt);
        String d = grid.districtCode();
        Actor worker = new Actor("gw-" + grid.code(), Role.GRID_WORKER, d, null);
        Actor dispatcher = new Actor("dispatcher-" + d, Role.DISPATCHER, d, null);
        Actor requester = new Actor("resident-" + requestId, Role.REQUESTER, null, null);
        var created = tickets.create(new TicketService.Intake("GRID_APP", null, requestId, c.title(), c.title(),
                grid.name(), grid.centroid().lat(), grid.centroid().lon(), "居民", "13800000000", requester.userId(),
                null, null, grid.code(), c.category(), List.of()), worker, reportedAt);
        if (!created.created()) {
            return;
        }
        String id = created.ticket().id;
        String token = created.ratingToken();
        var category = tickets.category(c.category(), "categoryCode");
        String department = category.forDistrict(d).departmentCode();
        Actor handler = new Actor("handler-" + department, Role.DEPARTMENT_HANDLER, null, department);
        int stage = c.stage();
        step(stage >= 1, id, t -> t.accept(dispatcher, steps.next(), null, null, null, false, "核实属实"));
        step(stage >= 2, id, t -> t.dispatch(dispatcher, steps.next(), null, category, "请按时处置"));
        if (stage == 7) {
            step(true, id, t -> t.returnToCentre(handler, steps.next(), "不属于本部门职责"));
            return;
        }
        step(stage >= 3, id, t -> t.start(handler, steps.next(), "已安排人员"));
        step(stage >= 4, id, t -> t.resolve(handler, steps.next(), "已处理完毕", List.of()));
        step(stage >= 5, id, t -> t.reply(dispatcher, steps.next(), "已电话回复居民"));
        step(stage == 6, id, t -> t.rate(requester, steps.next(), token, Rating.SATISFIED, "满意", category));
        step(stage == 8, id, t -> t.rate(requester, steps.next(), token, Rating.UNSATISFIED, "问题未彻底解决", category));
    }

    private void step(boolean doIt, String id, Consumer<Ticket> command) {
        if (doIt) {
            tickets.command(id, command);
        }
    }

    /** Hands out the times of a ticket's successive steps, twenty minutes apart. */
    private static final class StepClock {
        private Instant time;

        StepClock(Instant start) {
            this.time = start;
        }

        Instant next() {
            time = time.plus(Duration.ofMinutes(20));
            return time;
        }
    }
}
