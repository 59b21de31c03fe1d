package org.onegrid.analytics.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventEnvelope;
import org.springframework.stereotype.Component;

/** Applies a ticket event to the live views and, while a rebuild runs, to the views being rebuilt as well. */
@Component
public class TicketViewUpdater {

    private final TicketViewStore store;
    private final ViewGenerations generations;
    private final ReplayHorizon horizon;

    public TicketViewUpdater(TicketViewStore store, ViewGenerations generations, ReplayHorizon horizon) {
        this.store = store;
        this.generations = generations;
        this.horizon = horizon;
    }

    /**
     * Applies a poll's worth of live changes, folded per ticket like a replayed batch (one read and one write per
     * ticket, see {@link TicketViewStore#applyBatch}): to the active generation and, while a rebuild runs, to the one
     * being built, except what that rebuild will replay itself ({@link ReplayHorizon}). Applying the same changes
     * again changes nothing (a record counts each event id once).
     */
    void applyLive(List<LiveTicketChange> changes) {
        ViewGenerations.State state = generations.current();
        store.applyBatch(state.active(), byTicket(changes, c -> true));
        Integer building = state.building();
        if (building != null) {
            store.applyBatch(building, byTicket(changes, c -> !horizon.replays(building, c.partition(), c.offset())));
        }
    }

    private static Map<String, List<TicketChange>> byTicket(List<LiveTicketChange> changes,
                                                            Predicate<LiveTicketChange> wanted) {
        Map<String, List<TicketChange>> byTicket = new LinkedHashMap<>();
        for (LiveTicketChange c : changes) {
            if (wanted.test(c)) {
                byTicket.computeIfAbsent(c.change().ticket().ticketId(), id -> new ArrayList<>()).add(c.change());
            }
        }
        return byTicket;
    }

    void applyTo(int generation, EventEnvelope envelope) {
        store.apply(generation, TicketChanges.from(envelope));
    }

    /** Applies a replayed batch, folded per ticket (see {@link TicketViewStore#applyBatch}). */
    void applyAll(int generation, Map<String, List<TicketChange>> changesByTicket) {
        store.applyBatch(generation, changesByTicket);
    }
}
