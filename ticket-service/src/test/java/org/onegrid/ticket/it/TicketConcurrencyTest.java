package org.onegrid.ticket.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onegrid.ticket.domain.Actor;
import org.onegrid.ticket.domain.Role;
import org.onegrid.ticket.domain.Ticket;
import org.onegrid.ticket.domain.TicketPolicy;
import org.onegrid.ticket.store.TicketStore;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two dispatchers acting on the same ticket at the same moment: exactly one wins. */
class TicketConcurrencyTest extends IntegrationTestBase {

    @Autowired
    TicketStore store;

    @Autowired
    TicketPolicy policy;

    @Test
    void twoConcurrentDispatchesOneWinsTheOtherGets409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String id = createTicket("小区停水", "utilities").body().path("ticket").path("id").asString();
                command(id, "accept", Caller.dispatcher("TY"), Map.of());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> calls = new ArrayList<>();
                for (String department : List.of("SDQ", "ZJ")) {
                    calls.add(pool.submit(() -> {
                        go.await();
                        return post("/tickets/" + id + "/dispatch", Caller.dispatcher("TY"),
                                Map.of("departmentCode", department));
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> call : calls) {
                    Response r = call.get();
                    statuses.add(r.status());
                    if (r.status() == 409) {
                        assertThat(r.contentType()).contains("application/problem+json");
                        assertThat(r.text("currentState")).isEqualTo("DISPATCHED");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(get("/tickets/" + id, Caller.admin()).body().path("dispatchCount").asInt()).isEqualTo(1);
                assertThat(awaitTypes(id, 3)).containsExactly("reported", "accepted", "dispatched");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteBasedOnAStaleVersionIsRefused() {
        String id = createTicket("路灯不亮", "roads").body().path("ticket").path("id").asString();
        command(id, "accept", Caller.dispatcher("TY"), Map.of());
        Actor dispatcher = new Actor("d", Role.DISPATCHER, "TY", null);
        Ticket first = new Ticket(store.find(id).orElseThrow(), policy);
        Ticket second = new Ticket(store.find(id).orElseThrow(), policy);
        long version = first.version();
        first.dispatch(dispatcher, first.data().acceptedAt, "JT", null, null);
        second.dispatch(dispatcher, first.data().acceptedAt, "ZJ", null, null);

        assertThat(store.update(first, version, List.of())).isTrue();
        assertThat(store.update(second, version, List.of())).isFalse();
        assertThat(store.find(id).orElseThrow().departmentCode).isEqualTo("JT");
    }
}
