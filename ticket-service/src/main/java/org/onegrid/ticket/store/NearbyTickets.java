package org.onegrid.ticket.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * there. Keyed by {@code _id}, so a check reads up to four small documents whatever the number of tickets — on
 * MongoDB and on the embedded server, which has no secondary indexes and would otherwise scan every ticket. Derived
 * data: written after the ticket, so a crash in between only costs that ticket's chance of being flagged as the
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
        Document entry = new Document("id", ticketId).append("at", Docs.date(reportedAt))
                .append("lat", location.lat()).append("lon", location.lon());
        cells.updateOne(Filters.eq("_id", key(categoryCode, NearbyCells.of(location))),
                Updates.pushEach("recent", List.of(entry), new PushOptions().slice(-KEPT)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Ids of the tickets of this category reported since {@code since} within {@code radiusM} of {@code location},
     * nearest first: a hot spot can hold hundreds, and the nearest open one is usually among the first few.
     */
    public List<String> near(String categoryCode, GeoPoint location, Instant since, double radiusM) {
        List<String> keys = NearbyCells.around(location, radiusM).stream().map(cell -> key(categoryCode, cell))
                .toList();
        Map<String, Double> distances = new HashMap<>();
        for (Document cell : cells.find(Filters.in("_id", keys))) {
            for (Document entry : cell.getList("recent", Document.class, List.of())) {
                Instant at = Docs.instant(entry, "at");
                Number lat = entry.get("lat", Number.class);
                Number lon = entry.get("lon", Number.class);
                if (at == null || at.isBefore(since) || lat == null || lon == null) {
                    continue;
                }
                double d = location.distanceTo(new GeoPoint(lat.doubleValue(), lon.doubleValue()));
                if (d <= radiusM) {
                    distances.put(entry.getString("id"), d);
                }
            }
        }
        List<String> ids = new ArrayList<>(distances.keySet());
        ids.sort(Comparator.comparingDouble(distances::get));
        return ids;
    }

    /** Nothing recorded yet: a new store, or one written by a version that did not keep this lookup. */
    boolean isEmpty() {
        return cells.estimatedDocumentCount() == 0;
    }

    private static String key(String categoryCode, String cell) {
        return categoryCode + "|" + cell;
    }
}
