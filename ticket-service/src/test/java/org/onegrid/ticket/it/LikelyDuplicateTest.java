package org.onegrid.ticket.it;

import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.onegrid.ticket.store.NearbyTickets;
import org.onegrid.ticket.store.NearbyTicketsBackfill;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A second report of the same problem nearby is flagged for the dispatcher, who merges it. */
class LikelyDuplicateTest extends IntegrationTestBase {

    @Autowired
    MongoDatabase database;
    @Autowired
    NearbyTicketsBackfill backfill;

    /** A spot of its own (about 150 m from the other tests' point), so other tests' tickets are not nearby. */
    private static final double LAT = JJL_LAT + 0.0010;
    private static final double LON = JJL_LON + 0.0010;

    @Test
    void sameCategoryCloseByIsFlaggedAndCanBeMerged() {
        String first = report("illegal-construction", LAT, LON);
        String second = report("illegal-construction", LAT + 0.0003, LON); // ~33 m north
        String farAway = report("illegal-construction", LAT + 0.0030, LON); // ~330 m north
        String otherKind = report("market", LAT, LON);

        assertThat(ticket(first).path("likelyDuplicateOf").isNull()).isTrue();
        assertThat(ticket(second).path("likelyDuplicateOf").asString()).isEqualTo(first);
        assertThat(ticket(farAway).path("likelyDuplicateOf").isNull()).isTrue();
        assertThat(ticket(otherKind).path("likelyDuplicateOf").isNull()).isTrue();

        JsonNode queue = get("/tickets/queue/dispatcher?size=100", Caller.dispatcher("TY")).body();
        JsonNode inQueue = null;
        for (JsonNode t : queue.path("items")) {
            if (second.equals(t.path("id").asString())) {
                inQueue = t;
            }
        }
        assertThat(inQueue).as("second ticket in the dispatcher queue").isNotNull();
        assertThat(inQueue.path("likelyDuplicateOf").asString()).isEqualTo(first);

        JsonNode merged = command(second, "merge", Caller.dispatcher("TY"), Map.of("parentTicketId", first));
        assertThat(merged.path("status").asString()).isEqualTo("MERGED");
        // A third report now points at the still-open original, never at the merged duplicate.
        String third = report("illegal-construction", LAT + 0.0001, LON);
        assertThat(ticket(third).path("likelyDuplicateOf").asString()).isEqualTo(first);
    }

    @Test
    void ticketsStoredBeforeTheNearbyLookupExistedAreFoundAfterTheBackfill() {
        double lat = LAT - 0.0040;
        String older = report("illegal-construction", lat, LON);
        database.getCollection(NearbyTickets.COLLECTION).drop();
        backfill.backfillOnce();
        String later = report("illegal-construction", lat + 0.0002, LON);
        assertThat(ticket(later).path("likelyDuplicateOf").asString()).isEqualTo(older);
    }

    @Test
    void aTicketReclassifiedOnAcceptanceIsFoundUnderItsNewCategory() {
        String misfiled = report("education", LAT, LON);
        command(misfiled, "accept", Caller.dispatcher("TY"), Map.of("categoryCode", "health"));
        String later = report("health", LAT + 0.0002, LON);
        assertThat(ticket(later).path("likelyDuplicateOf").asString()).isEqualTo(misfiled);
    }

    @Test
    void pastTheNearestThatAreNoLongerOpenTheNearestOpenOneIsFlagged() {
        double lat = LAT + 0.0080;
        String original = report("illegal-construction", lat + 0.0005, LON); // ~55 m from the last report
        for (int k = 1; k <= 3; k++) {
            // ~11, 22 and 33 m away: nearer than the original, and merged into it.
            String repeat = report("illegal-construction", lat + 0.0001 * k, LON);
            JsonNode merged = command(repeat, "merge", Caller.dispatcher("TY"), Map.of("parentTicketId", original));
            assertThat(merged.path("status").asString()).isEqualTo("MERGED");
        }
        String later = report("illegal-construction", lat, LON);
        assertThat(ticket(later).path("likelyDuplicateOf").asString()).isEqualTo(original);
    }

    private String report(String category, double lat, double lon) {
        Response created = post("/tickets", Caller.worker("TY"), Map.of("clientRequestId",
                UUID.randomUUID().toString(), "title", "违建 " + category, "lat", lat, "lon", lon,
                "categoryCode", category));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.body().path("ticket").path("id").asString();
    }

    private JsonNode ticket(String id) {
        return get("/tickets/" + id, Caller.dispatcher("TY")).body();
    }
}
