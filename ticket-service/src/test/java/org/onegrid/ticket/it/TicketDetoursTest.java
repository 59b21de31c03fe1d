package org.onegrid.ticket.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.ticket.TicketEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Return and re-dispatch, a merged duplicate, and unsatisfied ratings: reopen, then escalate instead. */
class TicketDetoursTest extends IntegrationTestBase {

    @Test
    void returnRedispatchMergeReopenAndEscalate() {
        Response created = createTicket("绿化带堆放建筑垃圾", "sanitation");
        String id = created.body().path("ticket").path("id").asString();
        String token = created.text("ratingToken");
        String duplicate = createTicket("绿化带有建筑垃圾（重复）", "sanitation").body().path("ticket").path("id").asString();

        command(id, "accept", Caller.dispatcher("TY"), Map.of());
        command(duplicate, "merge", Caller.dispatcher("TY"), Map.of("parentTicketId", id, "comment", "同一地点"));
        assertThat(get("/tickets/" + duplicate, Caller.admin()).body().path("status").asString()).isEqualTo("MERGED");
        assertThat(get("/tickets?parent=" + id, Caller.admin()).body().path("total").asLong()).isEqualTo(1);

        // Wrongly assigned to transport; they return it (退单) and the centre re-dispatches to the default.
        command(id, "dispatch", Caller.dispatcher("TY"), Map.of("departmentCode", "JT"));
        Response notTheirs = post("/tickets/" + id + "/return", Caller.handler("JT"), Map.of("reason", ""));
        assertThat(notTheirs.status()).isEqualTo(400);
        command(id, "return", Caller.handler("JT"), Map.of("reason", "不属于交通部门职责"));
        var redispatched = command(id, "dispatch", Caller.dispatcher("TY"), Map.of());
        assertThat(redispatched.path("departmentCode").asString()).isEqualTo("HW");
        assertThat(redispatched.path("dispatchCount").asInt()).isEqualTo(2);

        handleAndReply(id);
        var reopened = command(id, "rate", Caller.requester(), Map.of("ratingToken", token, "rating", "UNSATISFIED",
                "comment", "垃圾还在"));
        assertThat(reopened.path("status").asString()).isEqualTo("REOPENED");

        command(id, "dispatch", Caller.dispatcher("TY"), Map.of());
        handleAndReply(id);
        // The policy allows one reopening: the second "unsatisfied" escalates to the next level instead.
        var escalated = command(id, "rate", Caller.requester(), Map.of("ratingToken", token, "rating", "UNSATISFIED"));
        assertThat(escalated.path("status").asString()).isEqualTo("REPLIED");
        assertThat(escalated.path("escalationLevel").asInt()).isEqualTo(1);

        command(id, "close", Caller.admin(), Map.of("comment", "市级督办后结案"));

        List<EventEnvelope> events = ticketEvents(id, list -> list.size() >= 17);
        assertThat(types(events)).containsExactly("reported", "accepted", "dispatched", "returned", "dispatched",
                "started", "resolved", "replied", "rated", "reopened", "dispatched", "started", "resolved",
                "replied", "rated", "escalated", "closed");
        assertThat(EventCodec.payload(events.get(3), TicketEvents.RETURNED).departmentCode()).isEqualTo("JT");
        assertThat(EventCodec.payload(events.get(9), TicketEvents.REOPENED).reopenCount()).isEqualTo(1);
        var escalation = EventCodec.payload(events.get(15), TicketEvents.ESCALATED);
        assertThat(escalation.deadline()).isEqualTo("REOPEN_LIMIT");
        assertThat(escalation.escalationLevel()).isEqualTo(1);

        // The duplicate followed its parent to the end.
        assertThat(awaitTypes(duplicate, 3)).containsExactly("reported", "merged", "closed");
        assertThat(get("/tickets/" + duplicate, Caller.admin()).body().path("status").asString()).isEqualTo("CLOSED");
    }

    private void handleAndReply(String id) {
        command(id, "start", Caller.handler("HW"), Map.of());
        command(id, "resolve", Caller.handler("HW"), Map.of("summary", "已清理"));
        command(id, "reply", Caller.dispatcher("TY"), Map.of("summary", "已回复居民"));
    }
}
