package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SyntheticTicketsTest {

    private final SyntheticTickets tickets = new SyntheticTickets("t", 3, Instant.parse("2026-11-24T04:00:00Z"));

    @Test
    void spreadingATicketsEventsOverTheTopicKeepsTheSameEventsEachTicketInOrder() throws Exception {
        List<int[]> inARow = order(1_000, 0);
        List<int[]> spread = order(1_000, 40);

        assertThat(inARow).hasSize(1_000);
        assertThat(spread).hasSize(1_000);
        assertThat(tickets.inTopicOrder(1_000, 0, (t, s) -> { }))
                .isEqualTo(tickets.inTopicOrder(1_000, 40, (t, s) -> { })).isEqualTo(334);
        // Every ticket's stages arrive as 0, 1, 2, ... in both orders.
        for (List<int[]> order : List.of(inARow, spread)) {
            Map<Integer, Integer> next = new HashMap<>();
            for (int[] e : order) {
                assertThat(e[1]).isEqualTo(next.getOrDefault(e[0], 0));
                next.put(e[0], e[1] + 1);
            }
        }
        assertThat(spread.stream().map(e -> e[0] + ":" + e[1]).sorted())
                .containsExactlyElementsOf(inARow.stream().map(e -> e[0] + ":" + e[1]).sorted().toList());
        // In a row, as before: ticket 1's two events together. Spread: its second comes after ticket 41's first.
        assertThat(indexOf(inARow, 1, 1)).isEqualTo(indexOf(inARow, 1, 0) + 1);
        assertThat(indexOf(spread, 1, 1)).isEqualTo(indexOf(spread, 41, 0) + 1);
    }

    private List<int[]> order(int events, int apart) throws Exception {
        List<int[]> order = new ArrayList<>();
        tickets.inTopicOrder(events, apart, (t, s) -> order.add(new int[] {t, s}));
        return order;
    }

    private static int indexOf(List<int[]> order, int ticket, int stage) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i)[0] == ticket && order.get(i)[1] == stage) {
                return i;
            }
        }
        return -1;
    }
}
