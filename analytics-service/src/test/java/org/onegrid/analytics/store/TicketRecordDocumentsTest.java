package org.onegrid.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.domain.TicketRecord;
import org.onegrid.analytics.domain.TicketSnapshot;

class TicketRecordDocumentsTest {

    private static final Instant REPORTED = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void aJustReportedTicketIsStoredWithoutItsUnsetFacts() {
        TicketRecord record = new TicketRecord("t1");
        record.apply(new TicketChange("e1", "reported", REPORTED, new TicketSnapshot("t1", "HOTLINE_12345", "TY",
                null, null, "roads", null, "REPORTED", 0, REPORTED, null, null, null, null,
                REPORTED.plusSeconds(86_400)), null, null, null));

        Document stored = TicketRecordDocuments.toDocument(record, 1);

        assertThat(stored.keySet()).doesNotContain("firstAcceptedAt", "lastResolvedAt", "rating", "solvedOnTime",
                "handlingWorkingHours");
        assertThat(stored.get("latest", Document.class).keySet())
                .doesNotContain("communityCode", "departmentCode", "acceptedAt", "resolvedAt")
                .contains("districtCode", "solutionDueAt", "escalationLevel");
        assertThat(stored.values()).doesNotContainNull();
        assertThat(roundTrip(record)).usingRecursiveComparison().isEqualTo(record);
    }

    @Test
    void aRatedTicketComesBackAsItWasStored() {
        TicketSnapshot resolved = new TicketSnapshot("t2", "GRID_APP", "YZ", "YZ-C1", "YZ-C1-01", "roads",
                "transport", "RESOLVED", 1, REPORTED, REPORTED.plusSeconds(600), REPORTED.plusSeconds(600),
                REPORTED.plusSeconds(7_200), REPORTED.plusSeconds(3_600), REPORTED.plusSeconds(86_400));
        TicketRecord record = new TicketRecord("t2");
        for (TicketChange c : List.of(
                new TicketChange("e1", "resolved", REPORTED.plusSeconds(7_200), resolved, null, true, 1.5),
                new TicketChange("e2", "rated", REPORTED.plusSeconds(9_000), resolved, "SATISFIED", null, null))) {
            record.apply(c);
        }

        TicketRecord back = roundTrip(record);

        assertThat(back).usingRecursiveComparison().isEqualTo(record);
        assertThat(back.rating()).isEqualTo("SATISFIED");
        assertThat(back.solvedOnTime()).isTrue();
        assertThat(back.handlingWorkingHours()).isEqualTo(1.5);
    }

    private static TicketRecord roundTrip(TicketRecord record) {
        return TicketRecordDocuments.fromDocument(TicketRecordDocuments.toDocument(record, 1));
    }
}
