package org.onegrid.analytics.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public TicketViewUpdater(TicketViewStore store, ViewGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    /**
     * Applies a poll's worth of live changes, folded per ticket like a replayed batch (one read and one write per
     * ticket, see {@link TicketViewStore#applyBatch}): to the active generation and, while a rebuild runs, to the one
     * being built. Applying the same changes again changes nothing (a record counts each event id once).
     */
    void applyLive(List<TicketChange> changes) {
        Map<String, List<TicketChange>> byTicket = new LinkedHashMap<>();
        for (TicketChange change : changes) {
            byTicket.computeIfAbsent(change.ticket().ticketId(), id -> new ArrayList<>()).add(change);
        }
        ViewGenerations.State state = generations.current();
        store.applyBatch(state.active(), byTicket);
        if (state.building() != null) {
            store.applyBatch(state.building(), byTicket);
        }
    }

    void applyTo(int generation, EventEnvelope envelope) {
        store.apply(generation, TicketChanges.from(envelope));
    }

    /** Applies a replayed batch, folded per ticket (see {@link TicketViewStore#applyBatch}). */
    void applyAll(int generation, Map<String, List<TicketChange>> changesByTicket) {
        store.applyBatch(generation, changesByTicket);
    }
}
