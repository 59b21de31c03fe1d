package org.onegrid.center.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TicketProgressTest {

    private final Instant t1 = Instant.parse("2026-11-01T01:00:00Z");
    private final Instant t2 = Instant.parse("2026-11-01T02:00:00Z");

    @Test
    void aNewerEventWinsWhateverItsStatus() {
        assertThat(TicketProgress.supersedes(t2, "REOPENED", t1, "RATED")).isTrue();
        assertThat(TicketProgress.supersedes(t1, "CLOSED", t2, "DISPATCHED")).isFalse();
    }

    @Test
    void atTheSameTimeTheStateFurtherAlongWins() {
        assertThat(TicketProgress.supersedes(t1, "RESOLVED", t1, "DISPATCHED")).isTrue();
        assertThat(TicketProgress.supersedes(t1, "DISPATCHED", t1, "RESOLVED")).isFalse();
    }

    @Test
    void anythingBeatsNothing() {
        assertThat(TicketProgress.supersedes(t1, "REPORTED", null, null)).isTrue();
    }
}
