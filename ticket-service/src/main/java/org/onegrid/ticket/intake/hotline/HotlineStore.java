package org.onegrid.ticket.intake.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.onegrid.ticket.store.ReferenceSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hotline channel's own data: which case number became which ticket, the signatures seen recently (replay
 * guard), the category mapping table and the status callbacks to deliver.
 */
@Component
public class HotlineStore {

    static final String CASES = "hotline_cases";
    static final String SIGNATURES = "hotline_signatures";
    static final String MAPPINGS = "hotline_category_mappings";
    static final String DELIVERIES = "hotline_deliveries";
    /** Per caller and content (hashes), the latest cases: the repeat-caller check reads one document by _id. */
    static final String CALLERS = "hotline_callers";
    static final int CASES_KEPT_PER_CALLER = 20;

    enum DeliveryState { PENDING, SENT, DEAD }

    /** Plausible 12345 classification codes (大类-小类) and the platform category each maps to. */
    static final Map<String, String[]> SEED_MAPPINGS = seed();

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> signatures;
    private final MongoCollection<Document> mappings;
    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> callers;
    /** The mapping table (hotline code → category code), read by every case. */
    private final ReferenceSnapshot<Map<String, String>> mapped;

    public HotlineStore(MongoDatabase database,
                        @Value("${onegrid.ticket.reference-data.max-age:10s}") Duration referenceMaxAge) {
        cases = database.getCollection(CASES);
        signatures = database.getCollection(SIGNATURES);
        mappings = database.getCollection(MAPPINGS);
        deliveries = database.getCollection(DELIVERIES);
        callers = database.getCollection(CALLERS);
        mapped = new ReferenceSnapshot<>(referenceMaxAge, this::loadMappings);
        // A case's key is its _id (partner + case number), unique by nature; signatures likewise.
        cases.createIndex(Indexes.ascending("ticketId"));
        try {
            // Real MongoDB removes expired signatures by itself; the delivery worker also deletes them.
            signatures.createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            signatures.createIndex(Indexes.ascending("expiresAt"));
        }
        deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt"));
        deliveries.createIndex(Indexes.ascending("caseKey", "seq"), new IndexOptions().unique(true));
        Instant now = Instant.now();
        SEED_MAPPINGS.forEach((code, v) -> mappings.updateOne(Filters.eq("_id", code),
                Updates.combine(Updates.setOnInsert("categoryCode", v[0]), Updates.setOnInsert("nameZh", v[1]),
                        Updates.setOnInsert("updatedAt", Date.from(now))), new UpdateOptions().upsert(true)));
        backfillCallers();
    }

    static String caseKey(String partner, String caseNo) {
        return partner + "|" + caseNo;
    }

    // ---- replay guard ----

    /** Remembers a signature; false if it was seen before (a replay). */
    boolean rememberSignature(String signature, String partner, Instant expiresAt) {
        try {
            signatures.insertOne(new Document("_id", signature).append("partner", partner)
                    .append("expiresAt", Date.from(expiresAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void forgetSignature(String signature) {
        signatures.deleteOne(Filters.eq("_id", signature));
    }

    long forgetSignaturesBefore(Instant now) {
        return signatures.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    // ---- cases ----

    Optional<Document> findCase(String partner, String caseNo) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", caseKey(partner, caseNo))).first());
    }

    /**
     * Records a case number's ticket; false if another delivery of the same case got there first. The caller
     * lookup is written second: a crash in between only means a later repeat call is not merged automatically.
     */
    boolean insertCase(Document doc) {
        try {
            cases.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        rememberCaller(doc);
        return true;
    }

    private void rememberCaller(Document caseDoc) {
        String phoneHash = caseDoc.getString("phoneHash");
        if (phoneHash == null) {
            return;
        }
        Document entry = new Document("caseNo", caseDoc.getString("caseNo"))
                .append("ticketId", caseDoc.getString("ticketId")).append("createdAt", caseDoc.getDate("createdAt"));
        callers.updateOne(Filters.eq("_id", callerKey(phoneHash, caseDoc.getString("contentHash"))),
                Updates.pushEach("cases", List.of(entry), new PushOptions().slice(-CASES_KEPT_PER_CALLER)),
                new UpdateOptions().upsert(true));
    }

    /** Fills the caller lookup from the cases, for a store written before the lookup existed. */
    private void backfillCallers() {
        if (callers.estimatedDocumentCount() > 0 || cases.estimatedDocumentCount() == 0) {
            return;
        }
        cases.find(Filters.ne("phoneHash", null)).sort(Sorts.ascending("createdAt")).forEach(this::rememberCaller);
    }

    private static String callerKey(String phoneHash, String contentHash) {
        return phoneHash + "|" + contentHash;
    }

    /** Earlier cases of the same caller with the same content (the latest {@value #CASES_KEPT_PER_CALLER}), newest first. */
    List<Document> casesLike(String phoneHash, String contentHash) {
        if (phoneHash == null) {
            return List.of();
        }
        Document caller = callers.find(Filters.eq("_id", callerKey(phoneHash, contentHash))).first();
        List<Document> earlier = new ArrayList<>(caller == null ? List.of() : caller.getList("cases", Document.class));
        Collections.reverse(earlier);
        return earlier;
    }

    /** Records an update of a known case; false if exactly this payload was already applied (a retry). */
    boolean recordUpdate(String key, String payloadHash, Instant now) {
        return cases.updateOne(Filters.and(Filters.eq("_id", key), Filters.ne("payloadHashes", payloadHash)),
                Updates.combine(Updates.addToSet("payloadHashes", payloadHash), Updates.inc("updates", 1),
                        Updates.set("updatedAt", Date.from(now)))).getModifiedCount() == 1;
    }

    List<Document> casesOfTicket(String ticketId) {
        return cases.find(Filters.eq("ticketId", ticketId)).into(new ArrayList<>());
    }

    // ---- category mappings ----

    Optional<String> mappedCategory(String hotlineCode) {
        return Optional.ofNullable(hotlineCode == null ? null : mapped.get().get(hotlineCode));
    }

    private Map<String, String> loadMappings() {
        Map<String, String> byCode = new java.util.HashMap<>();
        mappings.find().forEach(m -> {
            if (m.getString("categoryCode") != null) {
                byCode.put(m.getString("_id"), m.getString("categoryCode"));
            }
        });
        return Map.copyOf(byCode);
    }

    Document putMapping(String hotlineCode, String categoryCode, String nameZh, String by, Instant now) {
        Document saved = mappings.findOneAndUpdate(Filters.eq("_id", hotlineCode), Updates.combine(
                        Updates.set("categoryCode", categoryCode), Updates.set("nameZh", nameZh),
                        Updates.set("updatedBy", by), Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        mapped.invalidate();
        return saved;
    }

    List<Document> allMappings() {
        return mappings.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    // ---- status deliveries ----

    /**
     * Queues a status callback for a case, numbered after the case's earlier ones. Idempotent on the delivery id,
     * so a re-consumed event does not queue it twice.
     */
    void enqueue(String deliveryId, Document caseDoc, Map<String, Object> message, Instant now) {
        if (deliveries.find(Filters.eq("_id", deliveryId)).first() != null) {
            return;
        }
        String key = caseDoc.getString("_id");
        Document counter = cases.findOneAndUpdate(Filters.eq("_id", key), Updates.inc("deliverySeq", 1L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        long seq = counter == null ? 0 : ((Number) counter.get("deliverySeq")).longValue();
        try {
            deliveries.insertOne(new Document("_id", deliveryId)
                    .append("partner", caseDoc.getString("partner"))
                    .append("caseKey", key)
                    .append("caseNo", caseDoc.getString("caseNo"))
                    .append("ticketId", caseDoc.getString("ticketId"))
                    .append("seq", seq)
                    .append("message", new Document(new LinkedHashMap<>(message)))
                    .append("state", DeliveryState.PENDING.name())
                    .append("attempts", 0)
                    .append("nextAttemptAt", Date.from(now))
                    .append("createdAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Pending callbacks whose next attempt is due, longest waiting first. */
    List<Document> due(Instant now, int limit) {
        return deliveries.find(Filters.and(Filters.eq("state", DeliveryState.PENDING.name()),
                        Filters.lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit).into(new ArrayList<>());
    }

    /** Whether an earlier callback of the same case is still undelivered (pending or dead). */
    boolean hasEarlierUndelivered(Document delivery) {
        return deliveries.countDocuments(Filters.and(Filters.eq("caseKey", delivery.getString("caseKey")),
                Filters.lt("seq", delivery.get("seq")), Filters.ne("state", DeliveryState.SENT.name()))) > 0;
    }

    /** Puts a callback that waits behind an earlier one out of the way for a while, so others get their turn. */
    void postpone(String id, Instant until) {
        deliveries.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", DeliveryState.PENDING.name())),
                Updates.set("nextAttemptAt", Date.from(until)));
    }

    /** Takes a due delivery for one attempt; other instances skip it until the lease runs out. */
    Optional<Document> claim(String id, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(deliveries.findOneAndUpdate(Filters.and(Filters.eq("_id", id),
                        Filters.eq("state", DeliveryState.PENDING.name()), Filters.lte("nextAttemptAt", Date.from(now))),
                Updates.set("nextAttemptAt", Date.from(leaseUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    void markSent(String id, int attempts, Instant now) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", DeliveryState.SENT.name()),
                Updates.set("attempts", attempts), Updates.set("sentAt", Date.from(now)), Updates.unset("lastError")));
    }

    void markFailed(String id, int attempts, String error, Instant nextAttemptAt, boolean dead, Instant now) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state", (dead ? DeliveryState.DEAD : DeliveryState.PENDING).name()),
                Updates.set("attempts", attempts), Updates.set("lastError", error),
                Updates.set("lastAttemptAt", Date.from(now)), Updates.set("nextAttemptAt", Date.from(nextAttemptAt))));
    }

    /** A dead delivery gets a fresh set of attempts; false if it is not dead. */
    boolean revive(String id, Instant now) {
        return deliveries.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", DeliveryState.DEAD.name())),
                Updates.combine(Updates.set("state", DeliveryState.PENDING.name()), Updates.set("attempts", 0),
                        Updates.set("nextAttemptAt", Date.from(now)))).getModifiedCount() == 1;
    }

    Optional<Document> delivery(String id) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", id)).first());
    }

    List<Document> deliveries(String state, String caseNo, int page, int size) {
        var filter = filter(state, caseNo);
        return deliveries.find(filter).sort(Sorts.ascending("caseKey", "seq")).skip(page * size).limit(size)
                .into(new ArrayList<>());
    }

    long countDeliveries(String state, String caseNo) {
        return deliveries.countDocuments(filter(state, caseNo));
    }

    private static org.bson.conversions.Bson filter(String state, String caseNo) {
        List<org.bson.conversions.Bson> f = new ArrayList<>();
        if (state != null) {
            f.add(Filters.eq("state", state));
        }
        if (caseNo != null) {
            f.add(Filters.eq("caseNo", caseNo));
        }
        return f.isEmpty() ? Filters.empty() : Filters.and(f);
    }

    private static Map<String, String[]> seed() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("CSGL-HJWS", new String[]{"sanitation", "城市管理-环境卫生"});
        m.put("CSGL-LJQY", new String[]{"sanitation", "城市管理-垃圾清运"});
        m.put("CSGL-ZSRM", new String[]{"noise", "城市管理-噪声扰民"});
        m.put("CSGL-WFJS", new String[]{"illegal-construction", "城市管理-违法建设"});
        m.put("JTYS-DLSS", new String[]{"roads", "交通运输-道路设施"});
        m.put("GGSY-GSGD", new String[]{"utilities", "公用事业-供水供电供气"});
        m.put("ZFCX-WYGL", new String[]{"property-management", "住房城乡建设-物业管理"});
        m.put("ZAGL-SHZA", new String[]{"public-order", "治安管理-社会治安"});
        m.put("SHBZ-SHJZ", new String[]{"livelihood-help", "社会保障-社会救助"});
        m.put("SCJG-SPAQ", new String[]{"market", "市场监管-食品安全"});
        m.put("SCJG-XFWQ", new String[]{"market", "市场监管-消费维权"});
        m.put("WSJK-YLFW", new String[]{"health", "卫生健康-医疗服务"});
        m.put("JYTY-XQJY", new String[]{"education", "教育体育-学前教育"});
        return m;
    }
}
