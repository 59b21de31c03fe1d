package org.onegrid.ticket.store;

import java.time.Clock;

import org.onegrid.ticket.domain.intake.LikelyDuplicates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills the duplicate check's lookup from the open tickets of the last 24 hours when a store written before the
 * lookup existed is started; afterwards every new ticket adds itself.
 */
@Component
public class NearbyTicketsBackfill {

    private static final Logger log = LoggerFactory.getLogger(NearbyTicketsBackfill.class);

    private final TicketStore tickets;
    private final NearbyTickets nearby;
    private final Clock clock;

    public NearbyTicketsBackfill(TicketStore tickets, NearbyTickets nearby, Clock clock) {
        this.tickets = tickets;
        this.nearby = nearby;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void backfillOnce() {
        // Checked on the lookup first: counting the tickets would read every one of them on the embedded server.
        if (!nearby.isEmpty()) {
            return;
        }
        int[] added = {0};
        tickets.forEachOpenLocatedSince(clock.instant().minus(LikelyDuplicates.WINDOW), t -> {
            nearby.add(t.categoryCode, t.location, t.id, t.reportedAt);
            added[0]++;
        });
        if (added[0] == 0) {
            return;
        }
        log.info("Duplicate check lookup filled from {} open tickets of the last {}", added[0],
                LikelyDuplicates.WINDOW);
    }
}
