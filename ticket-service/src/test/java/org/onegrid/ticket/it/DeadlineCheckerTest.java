package org.onegrid.ticket.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.GridLocator;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketPolicy;
import org.onegrid.ticket.events.TicketEventMapper;
import org.onegrid.ticket.store.NearbyTickets;
import org.onegrid.ticket.store.TicketStore;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two checker instances over the same overdue tickets: each warning/escalation is recorded exactly once. */
class DeadlineCheckerTest extends IntegrationTestBase {

    @Autowired
    MongoDatabase database;
    @Autowired
    GridLocator locator;
    @Autowired
    TicketPolicy policy;
    @Autowired
    TicketEventMapper mapper;
    @Autowired
    OutboxRelay relay;
    @Autowired
    TicketStore store;

    /** A checker as a second service instance would run it: its own store handle, a clock weeks ahead. */
    private TicketService instance(Instant now) {
        return new TicketService(new TicketStore(database), new NearbyTickets(database), grids, locator, policy, mapper, relay,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void twoInstancesEscalateEachOverdueTicketOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(createTicket("占道经营 " + i, "public-order").body().path("ticket").path("id").asString());
        }
        // Weeks later, as if the checker had been down: both deadlines of every ticket are long past.
        Instant later = Instant.now().plus(Duration.ofDays(40));
        TicketService a = instance(later);
        TicketService b = instance(later);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = List.of(
                    pool.submit(() -> { go.await(); return a.checkDeadlines(1000); }),
                    pool.submit(() -> { go.await(); return b.checkDeadlines(1000); }));
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String id : ids) {
            TicketData t = store.find(id).orElseThrow();
            assertThat(t.history).filteredOn(h -> h.action().equals("escalate")).hasSize(2);
            assertThat(t.escalationLevel).as("district, then city").isEqualTo(2);
            assertThat(t.firstResponse.escalated()).isTrue();
            assertThat(t.solution.escalated()).isTrue();
        }
        // Another pass by either instance finds nothing more to do for these tickets.
        List<Long> versions = ids.stream().map(id -> store.find(id).orElseThrow().version).toList();
        a.checkDeadlines(1000);
        b.checkDeadlines(1000);
        assertThat(ids.stream().map(id -> store.find(id).orElseThrow().version).toList()).isEqualTo(versions);

        for (String id : ids) {
            List<EventEnvelope> events = ticketEvents(id, list -> list.size() >= 3);
            assertThat(types(events)).containsExactly("reported", "escalated", "escalated");
            assertThat(events.subList(1, 3)).extracting(e -> EventCodec.payload(e, TicketEvents.ESCALATED).deadline())
                    .containsExactly("FIRST_RESPONSE", "SOLUTION");
        }
    }

    @Test
    void warningAtEightyPercentComesBeforeTheEscalation() {
        String id = createTicket("噪声扰民", "noise").body().path("ticket").path("id").asString();
        TicketData t = store.find(id).orElseThrow();
        // Just after the warning point of the first-response deadline, before it is due.
        Instant warnTime = t.firstResponse.warnAt().plusSeconds(1);
        assertThat(instance(warnTime).checkDeadlines(1000)).isGreaterThanOrEqualTo(1);
        assertThat(store.find(id).orElseThrow().escalationLevel).isZero();
        instance(t.firstResponse.dueAt().plusSeconds(1)).checkDeadlines(1000);
        List<EventEnvelope> events = ticketEvents(id, list -> list.size() >= 3);
        assertThat(types(events)).containsExactly("reported", "warned", "escalated");
        assertThat(EventCodec.payload(events.get(1), TicketEvents.WARNED).deadline()).isEqualTo("FIRST_RESPONSE");
        assertThat(store.find(id).orElseThrow().escalationLevel).isEqualTo(1);
    }
}
