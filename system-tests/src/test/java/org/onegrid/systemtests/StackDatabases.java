package org.onegrid.systemtests;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/** What the system tests read straight from the services' databases, to check what the APIs cannot show. */
final class StackDatabases implements AutoCloseable {

    private static final List<String> DATABASES = List.of("onegrid-ticket", "onegrid-talent", "onegrid-center",
            "onegrid-analytics");
    /** Each consumer's record of event ids it has handled (platform/kafka's inbox). */
    private static final String INBOX = "processed_events";

    private final MongoClient mongo;

    StackDatabases(String uri) {
        this.mongo = MongoClients.create(uri);
    }

    MongoDatabase database(String name) {
        return mongo.getDatabase(name);
    }

    /** Documents still carrying outbox entries, per database/collection. */
    Map<String, Long> undelivered() {
        Map<String, Long> left = new TreeMap<>();
        for (String name : DATABASES) {
            MongoDatabase db = mongo.getDatabase(name);
            for (String c : db.listCollectionNames()) {
                long n = db.getCollection(c).countDocuments(Filters.exists("outbox.0"));
                if (n > 0) {
                    left.put(name + "/" + c, n);
                }
            }
        }
        return left;
    }

    /**
     * Documents per collection, inboxes left out: deadline checks and wish expiry keep emitting while the corpus
     * runs, and their events grow every consumer's inbox. {@link #eventsConsumedSince} checks those separately.
     */
    Map<String, Long> documentCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : DATABASES) {
            MongoDatabase db = mongo.getDatabase(name);
            for (String c : db.listCollectionNames()) {
                if (!c.equals(INBOX)) {
                    counts.put(name + "/" + c, db.getCollection(c).countDocuments());
                }
            }
        }
        return counts;
    }

    Set<String> eventsConsumedSince(Instant since) {
        Set<String> types = new TreeSet<>();
        for (String name : DATABASES) {
            mongo.getDatabase(name).getCollection(INBOX).find(Filters.gte("processedAt", Date.from(since)))
                    .projection(Projections.include("type"))
                    .forEach(d -> types.add(d.getString("type")));
        }
        return types;
    }

    /** A ticket a system test reported in the district and nobody has accepted yet, or null. */
    String reportedSystemTestTicketIn(String district) {
        Document d = mongo.getDatabase("onegrid-ticket").getCollection("tickets")
                .find(Filters.and(Filters.eq("districtCode", district), Filters.eq("status", "REPORTED"),
                        Filters.regex("clientRequestId", "^st-"))).first();
        return d == null ? null : String.valueOf(d.get("_id"));
    }

    @Override
    public void close() {
        mongo.close();
    }
}
