package org.onegrid.ticket.intake.partner;

import java.time.Instant;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.onegrid.events.EventEnvelope;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.ticket.domain.intake.PartnerIntakeRules;
import org.springframework.stereotype.Component;

/**
 * Partner events accepted over HTTP, one document per (source, id), each carrying its outbox entry. The unique
 * index makes a re-sent event a conflict, and the single insert makes "stored" and "will be published" one fact.
 */
@Component
public class PartnerInbox {

    public static final String COLLECTION = "partner_inbox";

    private final MongoCollection<Document> events;

    public PartnerInbox(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        events.createIndex(Indexes.ascending("source", "eventId"), new IndexOptions().unique(true));
    }

    /** @return false when this source already sent an event with this id */
    public boolean accept(String partner, EventEnvelope event, Instant now) {
        String key = PartnerIntakeRules.sourceRef(event.source(), event.id());
        Document doc = new Document("_id", key)
                .append("source", event.source())
                .append("eventId", event.id())
                .append("type", event.type())
                .append("partner", partner)
                .append("receivedAt", java.util.Date.from(now))
                .append(Outbox.FIELD, Outbox.entries(key, List.of(event)));
        try {
            events.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
