package org.onegrid.ticket.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventEnvelope;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.ticket.domain.HistoryEntry;
import org.onegrid.ticket.domain.Ticket;
import org.onegrid.ticket.domain.TicketData;
import org.onegrid.ticket.domain.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * Tickets in Mongo, one document each, with their pending events in the same document (the outbox). Writes are
 * guarded by the version the command read, so two concurrent commands cannot both succeed.
 */
@Component
public class TicketStore {

    public static final String COLLECTION = "tickets";

    /** Filters of the ticket list; null means "any". */
    public record Query(String districtCode, String communityCode, String gridCode, Set<TicketStatus> statuses,
                        String categoryCode, String channel, String departmentCode, Boolean overdue,
                        Integer escalationLevel, Instant createdFrom, Instant createdTo, Instant resolvedFrom,
                        Instant resolvedTo, String text, String parentTicketId) {

        public static Query none() {
            return new Query(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public static final Set<String> SORTABLE = Set.of("reportedAt", "updatedAt", "solution.dueAt", "escalationLevel",
            "ticketNo", "status");

    /** The outcome of an idempotent create: the stored ticket and whether this call created it. */
    public record Created(TicketData ticket, boolean created) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoCollection<Document> tickets;
    private final MongoCollection<Document> counters;

    public TicketStore(MongoDatabase database) {
        this.tickets = database.getCollection(COLLECTION);
        this.counters = database.getCollection("ticket_counters");
        // Every ticket has both keys (a fallback of its own id), so plain unique indexes suffice.
        tickets.createIndex(Indexes.ascending("requestKey"), new IndexOptions().unique(true));
        tickets.createIndex(Indexes.ascending("sourceKey"), new IndexOptions().unique(true));
        tickets.createIndex(Indexes.ascending("nextDeadlineCheckAt"));
        // The list, the queues, the board and the duplicate check at scale (a million tickets), each index in ESR
        // order — equality fields, then the sort, then the range — so MongoDB walks the index in the order asked
        // for and stops after one page instead of sorting every match. A status $in before the sort is answered by
        // merging the index's runs per status. (The embedded server of tests and the local stack uses no index but
        // an _id or unique one and scans regardless; see README "Figures".)
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("districtCode", "status", "solution.dueAt")));
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("departmentCode", "status", "solution.dueAt")));
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("communityCode", "status"),
                Indexes.descending("updatedAt")));
        tickets.createIndex(Indexes.descending("reportedAt"));
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("districtCode"), Indexes.descending("reportedAt")));
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("departmentCode"), Indexes.descending("reportedAt")));
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("categoryCode"), Indexes.descending("reportedAt")));
        tickets.createIndex(Indexes.ascending("gridCode", "categoryCode", "reportedAt"));
        tickets.createIndex(Indexes.ascending("updatedAt"));
        tickets.createIndex(Indexes.ascending("parentTicketId"));
    }

    /** Human-readable number, e.g. TY-20261123-0007, counted per district and local day. */
    public String nextTicketNo(String districtCode, LocalDate localDay) {
        String key = districtCode + "-" + DAY.format(localDay);
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", key), Updates.inc("seq", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return String.format("%s-%04d", key, Docs.longValue(counter, "seq"));
    }

    /**
     * Inserts a new ticket with its first events, unless a ticket with the same client request id or channel
     * source reference exists: then that one is returned and nothing is written.
     */
    public Created insert(Ticket ticket, List<EventEnvelope> events) {
        TicketData d = ticket.data();
        Document doc = TicketDocuments.toDocument(ticket).append("version", 0L).append(Outbox.FIELD, Outbox.entries(d.id, events));
        try {
            tickets.insertOne(doc);
            d.version = 0;
            return new Created(d, true);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = tickets.find(Filters.or(Filters.eq("requestKey", doc.getString("requestKey")),
                    Filters.eq("sourceKey", doc.getString("sourceKey")))).first();
            if (existing == null) {
                throw e;
            }
            return new Created(TicketDocuments.fromDocument(existing), false);
        }
    }

    public Optional<TicketData> find(String id) {
        return Optional.ofNullable(tickets.find(Filters.eq("_id", id)).first()).map(TicketDocuments::fromDocument);
    }

    /**
     * Writes the ticket's new state and appends its events, if nobody changed it since it was read.
     *
     * @return false if the version moved on (a concurrent command won)
     */
    public boolean update(Ticket ticket, long expectedVersion, List<EventEnvelope> events) {
        Document doc = TicketDocuments.toDocument(ticket);
        doc.remove("_id");
        List<Bson> updates = new ArrayList<>();
        doc.forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(Updates.inc("version", 1L));
        updates.add(Outbox.append(ticket.id(), events));
        long modified = tickets.updateOne(Filters.and(Filters.eq("_id", ticket.id()),
                Filters.eq("version", expectedVersion)), Updates.combine(updates)).getModifiedCount();
        if (modified == 1) {
            ticket.data().version = expectedVersion + 1;
        }
        return modified == 1;
    }

    /**
     * Appends a note to a ticket's history without changing its state (e.g. a channel adding details to a known
     * case). No event: nothing about the ticket's progress changed.
     */
    /** A new rating token for a ticket not rated yet; false when it has been rated (or does not exist). */
    public boolean replaceRatingTokenHash(String id, String hash) {
        return tickets.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("rating", null)),
                Updates.combine(Updates.set("ratingTokenHash", hash), Updates.inc("version", 1L)))
                .getModifiedCount() == 1;
    }

    public boolean appendNote(String id, HistoryEntry note) {
        return tickets.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.push("history", TicketDocuments.history(note)),
                Updates.set("updatedAt", Docs.date(note.at())), Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    public Page<TicketData> search(Query q, Instant now, int page, int size, String sortField, boolean ascending) {
        Bson filter = filter(q, now);
        Bson sort = ascending ? Sorts.ascending(sortField, "_id") : Sorts.descending(sortField, "_id");
        List<TicketData> items = tickets.find(filter).projection(new Document(Outbox.FIELD, 0)).sort(sort)
                .skip(page * size).limit(size).map(TicketDocuments::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, size, tickets.countDocuments(filter));
    }

    /** Tickets whose next warning or escalation is due by {@code now}, oldest first. */
    public List<String> dueForDeadlineCheck(Instant now, int limit) {
        return tickets.find(Filters.lte("nextDeadlineCheckAt", Docs.date(now)))
                .projection(new Document("_id", 1)).sort(Sorts.ascending("nextDeadlineCheckAt")).limit(limit)
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    public List<TicketData> mergedInto(String parentId) {
        return tickets.find(Filters.and(Filters.eq("parentTicketId", parentId),
                Filters.eq("status", TicketStatus.MERGED.name()))).map(TicketDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    /** Open tickets of the same grid and category reported since {@code since}: likely duplicates. */
    public long countSimilarOpen(String excludeId, String gridCode, String categoryCode, Instant since) {
        if (gridCode == null) {
            return 0;
        }
        return tickets.countDocuments(Filters.and(Filters.ne("_id", excludeId), Filters.eq("gridCode", gridCode),
                Filters.eq("categoryCode", categoryCode), Filters.gte("reportedAt", Docs.date(since)),
                Filters.in("status", names(TicketStatus.AWAITING_SOLUTION))));
    }

    /** Open tickets with a location reported since {@code since}, oldest first. */
    public void forEachOpenLocatedSince(Instant since, java.util.function.Consumer<TicketData> action) {
        tickets.find(Filters.and(Filters.gte("reportedAt", Docs.date(since)), Filters.ne("location", null),
                        Filters.in("status", names(TicketStatus.AWAITING_SOLUTION))))
                .projection(new Document(Outbox.FIELD, 0).append("history", 0)).sort(Sorts.ascending("reportedAt"))
                .map(TicketDocuments::fromDocument).forEach(action);
    }

    /** Tickets changed in [from, to), the most recently changed last: the source of Open311 request updates. */
    public List<TicketData> updatedBetween(Instant from, Instant to, int limit) {
        return tickets.find(Filters.and(Filters.gte("updatedAt", Docs.date(from)), Filters.lt("updatedAt", Docs.date(to))))
                .projection(new Document(Outbox.FIELD, 0)).sort(Sorts.ascending("updatedAt", "_id")).limit(limit)
                .map(TicketDocuments::fromDocument).into(new ArrayList<>());
    }

    /** Tickets by id, in no particular order; unknown ids are left out. */
    public List<TicketData> findAll(List<String> ids) {
        return tickets.find(Filters.in("_id", ids)).projection(new Document(Outbox.FIELD, 0))
                .map(TicketDocuments::fromDocument).into(new ArrayList<>());
    }

    /** Like {@link #findAll} without the history: enough to judge state, place and time. */
    public List<TicketData> findWithoutHistory(List<String> ids) {
        return tickets.find(Filters.in("_id", ids)).projection(new Document(Outbox.FIELD, 0).append("history", 0))
                .map(TicketDocuments::fromDocument).into(new ArrayList<>());
    }

    public long count() {
        return tickets.countDocuments();
    }

    // ---- filters ----

    private static Bson filter(Query q, Instant now) {
        List<Bson> f = new ArrayList<>();
        eq(f, "districtCode", q.districtCode());
        eq(f, "communityCode", q.communityCode());
        eq(f, "gridCode", q.gridCode());
        eq(f, "categoryCode", q.categoryCode());
        eq(f, "channel", q.channel());
        eq(f, "departmentCode", q.departmentCode());
        eq(f, "parentTicketId", q.parentTicketId());
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            f.add(Filters.in("status", names(q.statuses())));
        }
        if (q.escalationLevel() != null) {
            f.add(Filters.eq("escalationLevel", q.escalationLevel()));
        }
        if (q.createdFrom() != null) {
            f.add(Filters.gte("reportedAt", Docs.date(q.createdFrom())));
        }
        if (q.createdTo() != null) {
            f.add(Filters.lt("reportedAt", Docs.date(q.createdTo())));
        }
        if (q.resolvedFrom() != null) {
            f.add(Filters.gte("resolvedAt", Docs.date(q.resolvedFrom())));
        }
        if (q.resolvedTo() != null) {
            f.add(Filters.lt("resolvedAt", Docs.date(q.resolvedTo())));
        }
        if (q.overdue() != null) {
            Bson overdue = Filters.or(
                    Filters.and(Filters.eq("status", TicketStatus.REPORTED.name()),
                            Filters.lt("firstResponse.dueAt", Docs.date(now))),
                    Filters.and(Filters.in("status", names(TicketStatus.AWAITING_SOLUTION)),
                            Filters.lt("solution.dueAt", Docs.date(now))));
            f.add(q.overdue() ? overdue : Filters.nor(overdue));
        }
        if (q.text() != null && !q.text().isBlank()) {
            Pattern p = Pattern.compile(Pattern.quote(q.text().strip()), Pattern.CASE_INSENSITIVE);
            f.add(Filters.or(Filters.regex("ticketNo", p), Filters.regex("title", p),
                    Filters.regex("description", p), Filters.regex("address", p)));
        }
        return f.isEmpty() ? Filters.empty() : Filters.and(f);
    }

    private static void eq(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Filters.eq(field, value));
        }
    }

    private static List<String> names(Set<TicketStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
