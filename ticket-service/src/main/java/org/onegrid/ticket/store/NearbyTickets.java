package org.onegrid.ticket.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.intake.NearbyCells;
import org.springframework.stereotype.Component;

/**
 * Where the likely-duplicate check looks: per category and {@link NearbyCells cell}, the latest tickets reported
 * there. Keyed by {@code _id}, so a check reads nine small documents whatever the number of tickets — on MongoDB
 * and on the embedded server, which has no secondary indexes and would otherwise scan every ticket. Derived data:
 * written after the ticket, so a crash in between only costs that ticket's chance of being flagged as the
 * original of a later report; the check still reads the tickets themselves for their current state.
 */
@Component
public class NearbyTickets {

    public static final String COLLECTION = "tickets_nearby";
    /** Reports kept per category and cell; far more than a cell of 200 m sees in the check's 24 hours. */
    static final int KEPT = 50;

    private final MongoCollection<Document> cells;

    public NearbyTickets(MongoDatabase database) {
        this.cells = database.getCollection(COLLECTION);
    }

    public void add(String categoryCode, GeoPoint location, String ticketId, Instant reportedAt) {
        Document entry = new Document("id", ticketId).append("at", Docs.date(reportedAt));
        cells.updateOne(Filters.eq("_id", key(categoryCode, NearbyCells.of(location))),
                Updates.pushEach("recent", List.of(entry), new PushOptions().slice(-KEPT)),
                new UpdateOptions().upsert(true));
    }

    /** Ids of the tickets of this category reported since {@code since} in the cells around {@code location}. */
    public List<String> near(String categoryCode, GeoPoint location, Instant since) {
        List<String> keys = NearbyCells.around(location).stream().map(cell -> key(categoryCode, cell)).toList();
        List<String> ids = new ArrayList<>();
        for (Document cell : cells.find(Filters.in("_id", keys))) {
            for (Document entry : cell.getList("recent", Document.class, List.of())) {
                Instant at = Docs.instant(entry, "at");
                if (at != null && !at.isBefore(since)) {
                    ids.add(entry.getString("id"));
                }
            }
        }
        return ids;
    }

    /** Empty while tickets exist: written by a version that did not keep this lookup yet. */
    boolean needsBackfill(long tickets) {
        return tickets > 0 && cells.estimatedDocumentCount() == 0;
    }

    private static String key(String categoryCode, String cell) {
        return categoryCode + "|" + cell;
    }
}
