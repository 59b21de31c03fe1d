package org.onegrid.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onegrid.analytics.domain.Dimension;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.RandomTickets;
import org.onegrid.analytics.domain.TicketCells;
import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.domain.TicketFigures;
import org.onegrid.testing.SharedInfrastructure;

/**
 * The in-memory cells a store keeps while it writes equal the cells derived afresh from the records in Mongo — after
 * single writes and folded bulk batches with repeats; and what another process (a second store on the same database)
 * writes reaches them at the next derivation.
 */
class TicketViewStoreCellsIT {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofDays(9));
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfrastructure.get().mongoUri());
        database = client.getDatabase("it-analytics-cells-" + System.nanoTime());
    }

    @AfterAll
    static void close() {
        database.drop();
        client.close();
    }

    @Test
    void cellsKeptWhileWritingEqualCellsDerivedFromTheRecords() {
        Random random = new Random(7);
        Map<String, List<TicketChange>> histories = new RandomTickets(random, START).histories(400);
        List<TicketChange> all = new ArrayList<>();
        histories.values().forEach(all::addAll);
        java.util.Collections.shuffle(all, random);
        TicketViewStore store = new TicketViewStore(database);
        store.drop(1);

        all.subList(0, all.size() / 3).forEach(c -> store.apply(1, c));
        for (List<TicketChange> batch : batches(all.subList(all.size() / 4, all.size()), 300)) {
            store.applyBatch(1, foldByTicket(batch));
        }

        assertThat(figures(store.cells(1))).isEqualTo(figures(new TicketViewStore(database).cells(1)))
                .hasSizeGreaterThan(20);
        assertThat(store.count(1)).isEqualTo(histories.size());
    }

    @Test
    void writesOfAnotherProcessReachTheCellsAtTheNextDerivation() {
        Random random = new Random(11);
        Map<String, List<TicketChange>> histories = new RandomTickets(random, START).histories(100);
        TicketViewStore ours = new TicketViewStore(database);
        TicketViewStore theirs = new TicketViewStore(database);
        ours.drop(2);
        histories.values().forEach(h -> ours.apply(2, h.get(0)));
        Map<String, TicketFigures> before = figures(ours.cells(2));

        // Another instance consuming other partitions writes tickets this one never touches: the documented limit.
        new RandomTickets(new Random(12), START).histories(30).forEach((id, h) ->
                h.forEach(c -> theirs.apply(2, withTicketId(c, "other-" + id))));
        assertThat(figures(ours.cells(2))).isEqualTo(before);

        ours.rederive(2);
        assertThat(figures(ours.cells(2))).isEqualTo(figures(new TicketViewStore(database).cells(2)))
                .isNotEqualTo(before);
    }

    @Test
    void aGenerationSwitchedElsewhereIsDerivedAtItsFirstQuery() {
        TicketViewStore rebuilder = new TicketViewStore(database);
        rebuilder.drop(3);
        Map<String, List<TicketChange>> histories = new RandomTickets(new Random(13), START).histories(50);
        rebuilder.applyBatch(3, new LinkedHashMap<>(histories));

        TicketCells seenElsewhere = new TicketViewStore(database).cells(3);

        assertThat(figures(seenElsewhere)).isEqualTo(figures(rebuilder.cells(3)));
        assertThat(figures(seenElsewhere).values().stream().mapToLong(TicketFigures::received).sum()).isEqualTo(50);
    }

    private static TicketChange withTicketId(TicketChange c, String id) {
        var t = c.ticket();
        return new TicketChange(id + c.eventId(), c.kind(), c.time(), new org.onegrid.analytics.domain.TicketSnapshot(id,
                t.channel(), t.districtCode(), t.communityCode(), t.gridCode(), t.categoryCode(), t.departmentCode(),
                t.status(), t.escalationLevel(), t.reportedAt(), t.acceptedAt(), t.firstResponseAt(), t.resolvedAt(),
                t.firstResponseDueAt(), t.solutionDueAt()), c.rating(), c.onTime(), c.handlingWorkingHours());
    }

    private static Map<String, TicketFigures> figures(TicketCells cells) {
        Map<String, TicketFigures> out = new TreeMap<>();
        cells.sum(new TicketCells.Selection(null, null, null, null, null, null),
                k -> k.value(Dimension.DISTRICT) + "/" + k.value(Dimension.DEPARTMENT) + "/" + k.value(Dimension.CHANNEL),
                k -> Period.DAY.bucketOf(k.reportDay()), NOW)
                .forEach((g, byDay) -> byDay.forEach((d, sums) -> out.put(g + "/" + d, sums.figures(NOW))));
        return out;
    }

    private static Map<String, List<TicketChange>> foldByTicket(List<TicketChange> changes) {
        Map<String, List<TicketChange>> folded = new LinkedHashMap<>();
        changes.forEach(c -> folded.computeIfAbsent(c.ticket().ticketId(), id -> new ArrayList<>()).add(c));
        return folded;
    }

    private static <T> List<List<T>> batches(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
