package org.onegrid.analytics.store;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the live generation's cells are derived from its records: once at start (in the background, so that the first
 * dashboard call does not pay for the scan), and — only where several analytics instances run, see
 * {@link TicketViewStore} — on {@code onegrid.analytics.cells.rederive-cron} (e.g. {@code 0 *&#47;5 * * * *}; off by
 * default).
 */
@Component
class TicketCellsDerivation {

    private final TicketViewStore store;
    private final ViewGenerations generations;

    TicketCellsDerivation(TicketViewStore store, ViewGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Thread t = new Thread(() -> store.cells(generations.current().active()), "ticket-cells-derivation");
        t.setDaemon(true);
        t.start();
    }

    @Scheduled(cron = "${onegrid.analytics.cells.rederive-cron:-}")
    void periodically() {
        store.rederive(generations.current().active());
    }
}
