package org.onegrid.analytics.events;

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

    void applyLive(EventEnvelope envelope) {
        TicketChange change = TicketChanges.from(envelope);
        ViewGenerations.State state = generations.current();
        store.apply(state.active(), change);
        if (state.building() != null) {
            store.apply(state.building(), change);
        }
    }

    void applyTo(int generation, EventEnvelope envelope) {
        store.apply(generation, TicketChanges.from(envelope));
    }

    /** Applies a replayed batch, folded per ticket (see {@link TicketViewStore#applyBatch}). */
    void applyAll(int generation, java.util.Map<String, java.util.List<TicketChange>> changesByTicket) {
        store.applyBatch(generation, changesByTicket);
    }
}
