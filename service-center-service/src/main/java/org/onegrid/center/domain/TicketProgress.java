package org.onegrid.center.domain;

import java.time.Instant;
import java.util.List;

/**
 * Orders the ticket states an appeal goes through, so that a public board fed by events arriving out of order
 * keeps the latest: a newer event time wins; at the same time the state further along the loop wins.
 */
public final class TicketProgress {

    private static final List<String> ORDER = List.of("REPORTED", "ACCEPTED", "REJECTED", "DISPATCHED", "RETURNED",
            "IN_PROGRESS", "STARTED", "RESOLVED", "REPLIED", "RATED", "REOPENED", "MERGED", "CLOSED");

    private TicketProgress() {
    }

    /** Rank of a status along the loop; unknown statuses rank lowest. */
    public static int rank(String status) {
        return status == null ? -1 : ORDER.indexOf(status);
    }

    public static boolean supersedes(Instant time, String status, Instant currentTime, String currentStatus) {
        if (currentTime == null) {
            return true;
        }
        int byTime = time.compareTo(currentTime);
        return byTime > 0 || (byTime == 0 && rank(status) > rank(currentStatus));
    }
}
