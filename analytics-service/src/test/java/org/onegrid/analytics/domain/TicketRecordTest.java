package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.analytics.domain.TicketFiguresTest.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TicketRecordTest {

    private final List<TicketChange> history = List.of(
            change("e1", "reported", "t1", "REPORTED", 0),
            change("e2", "accepted", "t1", "ACCEPTED", 10),
            change("e3", "dispatched", "t1", "DISPATCHED", 20),
            change("e4", "returned", "t1", "RETURNED", 30),
            change("e5", "dispatched", "t1", "DISPATCHED", 40),
            change("e6", "resolved", "t1", "RESOLVED", 50));

    @Test
    void anyOrderOfArrivalGivesTheSameRecord() {
        TicketRecord inOrder = replay(history);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<TicketChange> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, random);
            TicketRecord r = replay(shuffled);
            assertThat(r.latest()).isEqualTo(inOrder.latest());
            assertThat(r.events()).isEqualTo(inOrder.events());
            assertThat(r.lastResolvedAt()).isEqualTo(inOrder.lastResolvedAt());
        }
        assertThat(inOrder.latest().status()).isEqualTo("RESOLVED");
        assertThat(inOrder.count("dispatched")).isEqualTo(2);
    }

    @Test
    void aRepeatedEventCountsOnce() {
        TicketRecord r = replay(history);

        assertThat(r.apply(history.get(2))).isFalse();
        assertThat(r.count("dispatched")).isEqualTo(2);
        assertThat(r.count("returned")).isEqualTo(1);
    }

    private static TicketRecord replay(List<TicketChange> changes) {
        TicketRecord r = new TicketRecord("t1");
        changes.forEach(r::apply);
        return r;
    }
}
