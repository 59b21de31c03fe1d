package org.onegrid.analytics.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.domain.TicketRecord;
import org.springframework.stereotype.Component;

/** The per-ticket records of one view generation ({@code ticket_records_<generation>}). */
@Component
public class TicketViewStore {

    private static final int MAX_ATTEMPTS = 20;
    private final MongoDatabase database;

    public TicketViewStore(MongoDatabase database) {
        this.database = database;
    }

    /** Filters on the ticket facts; null means any. */
    public record Query(String district, String department, String community, String category, String channel,
                        Instant reportedFrom, Instant reportedTo) {
        public static final Query ALL = new Query(null, null, null, null, null, null, null);
    }

    /**
     * Applies one change, with an optimistic version check: the live consumer and a rebuild may write the same
     * ticket at once, and the merge is idempotent, so a lost race is simply retried.
     */
    public void apply(int generation, TicketChange change) {
        MongoCollection<Document> records = collection(generation);
        String id = change.ticket().ticketId();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = records.find(Filters.eq("_id", id)).first();
            TicketRecord record = current == null ? new TicketRecord(id) : TicketRecordDocuments.fromDocument(current);
            if (!record.apply(change)) {
                return;
            }
            if (current == null) {
                try {
                    records.insertOne(TicketRecordDocuments.toDocument(record, 1));
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            } else {
                long version = current.getLong("version");
                var result = records.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                        TicketRecordDocuments.toDocument(record, version + 1));
                if (result.getMatchedCount() == 1) {
                    return;
                }
            }
        }
        throw new IllegalStateException("ticket " + id + " kept changing under analytics; will be retried");
    }

    public List<TicketRecord> find(int generation, Query q) {
        List<Bson> filters = new ArrayList<>();
        eq(filters, "latest.districtCode", q.district());
        eq(filters, "latest.departmentCode", q.department());
        eq(filters, "latest.communityCode", q.community());
        eq(filters, "latest.categoryCode", q.category());
        eq(filters, "latest.channel", q.channel());
        if (q.reportedFrom() != null) {
            filters.add(Filters.gte("latest.reportedAt", Date.from(q.reportedFrom())));
        }
        if (q.reportedTo() != null) {
            filters.add(Filters.lt("latest.reportedAt", Date.from(q.reportedTo())));
        }
        List<TicketRecord> result = new ArrayList<>();
        for (Document d : collection(generation).find(filters.isEmpty() ? new Document() : Filters.and(filters))) {
            result.add(TicketRecordDocuments.fromDocument(d));
        }
        return result;
    }

    /** Every record of a generation as stored, without the version: what "rebuilt equals incremental" compares. */
    public List<Document> dump(int generation) {
        List<Document> all = new ArrayList<>();
        collection(generation).find().projection(Projections.exclude("version")).sort(Indexes.ascending("_id"))
                .into(all);
        return all;
    }

    public void drop(int generation) {
        collection(generation).drop();
    }

    public long count(int generation) {
        return collection(generation).countDocuments();
    }

    private MongoCollection<Document> collection(int generation) {
        return database.getCollection("ticket_records_" + generation);
    }

    private static void eq(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Filters.eq(field, value));
        }
    }
}
