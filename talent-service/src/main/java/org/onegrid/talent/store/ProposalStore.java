package org.onegrid.talent.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventEnvelope;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.talent.domain.ProposalStatus;

/**
 * The {@code proposals} collection: one talent proposed for one need (unique per pair), through to the project
 * list. Its events are keyed by the need id, so a need's matches arrive in order.
 */
public class ProposalStore {

    public static final String COLLECTION = "proposals";

    public record Proposal(String id, long version, String needId, String talentId, ProposalStatus status,
                           double score, Map<String, Object> components, String feedback, Integer rating,
                           List<Step> history, Instant proposedAt) {
    }

    public record Step(String status, String by, String note, Instant at) {
    }

    private final MongoCollection<Document> proposals;

    public ProposalStore(MongoDatabase db) {
        this.proposals = db.getCollection(COLLECTION);
        proposals.createIndex(Indexes.ascending("needId", "talentId"), new IndexOptions().unique(true));
        proposals.createIndex(Indexes.ascending("talentId"));
    }

    /** False if the talent is already proposed for the need. */
    public boolean insert(Proposal p, List<EventEnvelope> events) {
        try {
            proposals.insertOne(new Document("_id", p.id()).append("version", 0L).append("needId", p.needId())
                    .append("talentId", p.talentId()).append("status", p.status().name()).append("score", p.score())
                    .append("components", new Document(p.components()))
                    .append("history", p.history().stream().map(ProposalStore::stepDoc).toList())
                    .append("proposedAt", Docs.date(p.proposedAt()))
                    .append(Outbox.FIELD, Outbox.entries(p.needId(), events)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Proposal> find(String id) {
        return Optional.ofNullable(proposals.find(eq("_id", id)).first()).map(ProposalStore::toProposal);
    }

    /** Moves the proposal on if nobody changed it since it was read; false otherwise. */
    public boolean transition(Proposal p, ProposalStatus to, Step step, String feedback, Integer rating,
                              List<EventEnvelope> events) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("status", to.name()),
                Updates.push("history", stepDoc(step)), Updates.inc("version", 1L)));
        if (feedback != null) {
            changes.add(Updates.set("feedback", feedback));
        }
        if (rating != null) {
            changes.add(Updates.set("rating", rating));
        }
        if (!events.isEmpty()) {
            changes.add(Outbox.append(p.needId(), events));
        }
        return proposals.updateOne(and(eq("_id", p.id()), eq("version", p.version()),
                eq("status", p.status().name())), Updates.combine(changes)).getModifiedCount() == 1;
    }

    public Page<Proposal> list(String needId, String talentId, ProposalStatus status, int page, int size) {
        List<Bson> parts = new ArrayList<>();
        if (needId != null) {
            parts.add(eq("needId", needId));
        }
        if (talentId != null) {
            parts.add(eq("talentId", talentId));
        }
        if (status != null) {
            parts.add(eq("status", status.name()));
        }
        Bson filter = parts.isEmpty() ? Filters.empty() : and(parts);
        return new Page<>(proposals.find(filter).sort(Sorts.descending("score")).skip(page * size).limit(size)
                .map(ProposalStore::toProposal).into(new ArrayList<>()), page, size, proposals.countDocuments(filter));
    }

    private static Document stepDoc(Step s) {
        return new Document("status", s.status()).append("by", s.by()).append("note", s.note())
                .append("at", Docs.date(s.at()));
    }

    private static Proposal toProposal(Document d) {
        Document comps = d.get("components", Document.class);
        Number rating = d.get("rating", Number.class);
        return new Proposal(d.getString("_id"), Docs.version(d), d.getString("needId"), d.getString("talentId"),
                ProposalStatus.valueOf(d.getString("status")), d.getDouble("score"),
                comps == null ? Map.of() : comps, d.getString("feedback"),
                rating == null ? null : rating.intValue(),
                Docs.docs(d, "history").stream().map(h -> new Step(h.getString("status"), h.getString("by"),
                        h.getString("note"), Docs.instant(h, "at"))).toList(), Docs.instant(d, "proposedAt"));
    }
}
