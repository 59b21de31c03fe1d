package org.onegrid.analytics.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.analytics.domain.TicketCells;
import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.analytics.domain.TicketContribution;
import org.onegrid.analytics.domain.TicketRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-ticket records of one view generation ({@code ticket_records_<generation>}), and the figures pre-aggregated
 * from them ({@link TicketCells}, in memory, one table per generation).
 *
 * <p><b>Why the cells stay right.</b> The cells are derived from the records, never the other way round: a table is
 * built by one scan of the records (at start, after a generation switch made elsewhere, or after a conflict), and
 * then every record this process writes moves the ticket from its old contribution to its new one. All writes of
 * this process to one generation, and the scan, run under that generation's lock, so a scan never sees half of a
 * write and no write's difference is applied twice or lost.
 *
 * <p><b>Limit: one writer process.</b> Records written by another analytics instance (one that consumes other
 * partitions of the ticket topic) do not reach this instance's cells, and a write of ours on top of a record another
 * process wrote takes away a contribution this table never added. So analytics runs as one instance (its consumer
 * group has one member; the figures are cheap enough that one instance serves them). Where several run anyway,
 * {@code onegrid.analytics.cells.rederive-interval} makes each derive its cells afresh that often: figures are then
 * exact at each re-derivation and may drift in between. A generation switched by another instance's rebuild is
 * derived at its first query here; a version collision on a write (another process wrote the ticket between our read
 * and our write) also makes the table derive again.
 */
@Component
public class TicketViewStore {

    private static final Logger log = LoggerFactory.getLogger(TicketViewStore.class);
    private static final int MAX_ATTEMPTS = 20;
    private static final int IN_CHUNK = 250;
    private final MongoDatabase database;
    private final Map<Integer, Generation> generations = new ConcurrentHashMap<>();

    public TicketViewStore(MongoDatabase database) {
        this.database = database;
    }

    /** One generation's cells and the lock that orders this process's writes to it against a re-derivation. */
    private static final class Generation {
        final ReentrantLock lock = new ReentrantLock();
        /** Null: to be derived from the records at the next query. Guarded by {@link #lock}. */
        TicketCells cells;
        volatile boolean indexed;
    }

    /** Filters on the ticket facts; null means any. */
    public record Query(String district, String department, String community, String category, String channel,
                        Instant reportedFrom, Instant reportedTo) {
        public static final Query ALL = new Query(null, null, null, null, null, null, null);
    }

    /**
     * Applies one change, with an optimistic version check: another process may write the same ticket at once, and
     * the merge is idempotent, so a lost race is simply retried.
     */
    public void apply(int generation, TicketChange change) {
        Generation g = generation(generation);
        g.lock.lock();
        try {
            applyLocked(generation, g, change);
        } finally {
            g.lock.unlock();
        }
    }

    private void applyLocked(int generation, Generation g, TicketChange change) {
        MongoCollection<Document> records = collection(generation);
        String id = change.ticket().ticketId();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = records.find(Filters.eq("_id", id)).first();
            TicketRecord record = current == null ? new TicketRecord(id) : TicketRecordDocuments.fromDocument(current);
            TicketContribution before = current == null ? null : TicketContribution.of(record);
            if (!record.apply(change)) {
                return;
            }
            boolean written;
            if (current == null) {
                try {
                    records.insertOne(TicketRecordDocuments.toDocument(record, 1));
                    written = true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    written = false;
                }
            } else {
                long version = current.getLong("version");
                written = records.replaceOne(idAndVersion(id, version),
                        TicketRecordDocuments.toDocument(record, version + 1)).getMatchedCount() == 1;
            }
            if (written) {
                if (g.cells != null) {
                    g.cells.replace(before, TicketContribution.of(record));
                }
                return;
            }
            foreignWriter(generation, g, id);
        }
        throw new IllegalStateException("ticket " + id + " kept changing under analytics; will be retried");
    }

    /**
     * Applies a replayed batch: the changes are folded per ticket in memory, the tickets' records read with one query
     * and written with one unordered bulk write (optimistic versions as in {@link #apply}).
     *
     * @return how many tickets changed
     */
    public int applyBatch(int generation, Map<String, List<TicketChange>> changesByTicket) {
        if (changesByTicket.isEmpty()) {
            return 0;
        }
        Generation g = generation(generation);
        g.lock.lock();
        try {
            MongoCollection<Document> records = collection(generation);
            Map<String, Document> current = new HashMap<>();
            // In chunks: the embedded server matches each found document against the whole $in list.
            List<String> wanted = new ArrayList<>(changesByTicket.keySet());
            for (int i = 0; i < wanted.size(); i += IN_CHUNK) {
                records.find(Filters.in("_id", wanted.subList(i, Math.min(wanted.size(), i + IN_CHUNK))))
                        .forEach(d -> current.put(d.getString("_id"), d));
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<TicketContribution[]> differences = new ArrayList<>();
            changesByTicket.forEach((id, changes) -> {
                Document doc = current.get(id);
                TicketRecord record = doc == null ? new TicketRecord(id) : TicketRecordDocuments.fromDocument(doc);
                TicketContribution before = doc == null ? null : TicketContribution.of(record);
                boolean changed = false;
                for (TicketChange change : changes) {
                    changed |= record.apply(change);
                }
                if (!changed) {
                    return;
                }
                if (doc == null) {
                    writes.add(new InsertOneModel<>(TicketRecordDocuments.toDocument(record, 1)));
                } else {
                    long version = doc.getLong("version");
                    writes.add(new ReplaceOneModel<>(idAndVersion(id, version),
                            TicketRecordDocuments.toDocument(record, version + 1)));
                }
                ids.add(id);
                differences.add(new TicketContribution[] {before, TicketContribution.of(record)});
            });
            if (writes.isEmpty()) {
                return 0;
            }
            long replaces = writes.stream().filter(w -> w instanceof ReplaceOneModel).count();
            boolean complete;
            try {
                complete = records.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount() == replaces;
            } catch (MongoBulkWriteException e) {
                boolean onlyDuplicates = e.getWriteErrors().stream()
                        .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!onlyDuplicates) {
                    throw e;
                }
                complete = false;
            }
            if (complete) {
                if (g.cells != null) {
                    differences.forEach(d -> g.cells.replace(d[0], d[1]));
                }
            } else {
                // Someone else wrote some of these tickets in between; which writes of ours went in is not known,
                // so each ticket's changes are applied again one by one (idempotent) and the cells re-derived.
                foreignWriter(generation, g, ids.size() + " tickets");
                ids.forEach(id -> changesByTicket.get(id).forEach(c -> applyLocked(generation, g, c)));
            }
            return ids.size();
        } finally {
            g.lock.unlock();
        }
    }

    /** The pre-aggregated figures of a generation, derived from its records first if need be. */
    public TicketCells cells(int generation) {
        Generation g = generation(generation);
        g.lock.lock();
        try {
            if (g.cells == null) {
                g.cells = derive(generation);
            }
            return g.cells;
        } finally {
            g.lock.unlock();
        }
    }

    /** Derives a generation's cells afresh from its records (this process's writes to it wait meanwhile). */
    public void rederive(int generation) {
        Generation g = generation(generation);
        g.lock.lock();
        try {
            g.cells = derive(generation);
        } finally {
            g.lock.unlock();
        }
    }

    private TicketCells derive(int generation) {
        long started = System.nanoTime();
        TicketCells cells = new TicketCells();
        long tickets = 0;
        for (Document d : collection(generation).find().batchSize(2_000)) {
            cells.replace(null, TicketContribution.of(TicketRecordDocuments.fromDocument(d)));
            tickets++;
        }
        log.info("Ticket figures of generation {} derived from {} records into {} cells in {} ms", generation, tickets,
                cells.size(), (System.nanoTime() - started) / 1_000_000);
        return cells;
    }

    private void foreignWriter(int generation, Generation g, String what) {
        if (g.cells != null) {
            log.info("Another process wrote {} in generation {}: its figures will be derived again", what, generation);
        }
        g.cells = null;
    }

    /**
     * The optimistic filter as one plain document: {@code Filters.and} renders as {@code $and}, which the embedded
     * server cannot answer from an index, while {@code {_id, version}} matches the index {@link #collection} makes.
     */
    private static Document idAndVersion(String id, long version) {
        return new Document("_id", id).append("version", version);
    }

    private Generation generation(int generation) {
        return generations.computeIfAbsent(generation, k -> new Generation());
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

    /** Drops a generation's records; its figures start again from nothing. */
    public void drop(int generation) {
        Generation g = generation(generation);
        g.lock.lock();
        try {
            collection(generation).drop();
            g.indexed = false;
            g.cells = new TicketCells();
        } finally {
            g.lock.unlock();
        }
    }

    public long count(int generation) {
        return collection(generation).countDocuments();
    }

    private MongoCollection<Document> collection(int generation) {
        MongoCollection<Document> records = database.getCollection("ticket_records_" + generation);
        Generation g = generation(generation);
        if (!g.indexed) {
            // Every write is an optimistic replace on {_id, version}. MongoDB answers that from the _id index; the
            // embedded server (tests, local stack) uses an index only when it has exactly the query's fields, and
            // would otherwise scan the whole collection per write. _id alone is unique, so this one always is.
            records.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            // Figures per community come from the records (see TicketFigureQueries); on MongoDB this finds them.
            records.createIndex(Indexes.ascending("latest.communityCode", "latest.reportedAt"));
            g.indexed = true;
        }
        return records;
    }

    private static void eq(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Filters.eq(field, value));
        }
    }
}
