package org.onegrid.ticket.domain;

import java.time.Instant;
import java.util.List;

/** One transition of a ticket as it is kept forever in its history. Attachments are references (file ids, URLs). */
public record HistoryEntry(String action, TicketStatus from, TicketStatus to, String actorId, Role role, Instant at,
                           String comment, List<String> attachments) {

    public HistoryEntry {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
