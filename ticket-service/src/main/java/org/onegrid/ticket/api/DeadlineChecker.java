package org.onegrid.ticket.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends 预警 (warning at 80 %) and 督办 (escalation when overdue) on schedule. Safe in several instances: each
 * effect is a versioned write of the ticket, so only one instance records it. A missed run is caught up by the
 * next, which finds every ticket whose stored check time has passed.
 */
@Component
public class DeadlineChecker {

    private static final Logger log = LoggerFactory.getLogger(DeadlineChecker.class);

    private final TicketService service;
    private final int batch;

    public DeadlineChecker(TicketService service, @Value("${onegrid.ticket.deadline-check.batch:200}") int batch) {
        this.service = service;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${onegrid.ticket.deadline-check.interval:60s}",
            initialDelayString = "${onegrid.ticket.deadline-check.initial-delay:30s}")
    public void run() {
        try {
            int total = 0;
            int changed;
            do {
                changed = service.checkDeadlines(batch);
                total += changed;
            } while (changed == batch);
            if (total > 0) {
                log.info("Deadline check: {} tickets warned or escalated", total);
            }
        } catch (RuntimeException e) {
            log.warn("Deadline check failed; the next run catches up: {}", e.toString());
        }
    }
}
