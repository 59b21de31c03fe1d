package org.onegrid.talent.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.PersonalData;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.talent.domain.Category;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.ExpertiseVocabulary;
import org.onegrid.talent.domain.HighLevelClass;
import org.onegrid.talent.domain.Stay;
import org.onegrid.talent.domain.TalentStatus;
import org.onegrid.talent.domain.VolunteerMode;

/**
 * The {@code talents} collection. ID number and phone are encrypted before they reach the driver; the document
 * holds only ciphertext, a keyed hash of the ID number (unique index) and the masked forms. Stays, reviews, liaison
 * history and cases live inside the talent document so each change and its events are one atomic write.
 */
public class TalentStore {

    public static final String COLLECTION = "talents";

    /** What a registration supplies; the only place the plain ID number and phone exist. */
    public record NewTalent(String id, String name, String gender, Integer birthYear, String idNumber, String phone,
                            String email, String education, String title, List<String> expertise,
                            List<String> freeTags, String employer, String homeCity, String unitId,
                            Category category, HighLevelClass highLevelClass, boolean partyMember, District district,
                            List<VolunteerMode> modes, String registeredBy, Instant at) {
    }

    /** Search filters; any may be null. {@code tag} also finds talent holding a narrower tag. */
    public record Query(String tag, Category category, District district, LocalDate presentOn, TalentStatus status) {
    }

    private final MongoCollection<Document> talents;
    private final PersonalDataCipher cipher;

    public TalentStore(MongoDatabase db, PersonalDataCipher cipher) {
        this.talents = db.getCollection(COLLECTION);
        this.cipher = cipher;
        talents.createIndex(Indexes.ascending("idHash"), new IndexOptions().unique(true));
        talents.createIndex(Indexes.ascending("expertiseIndex"));
        talents.createIndex(Indexes.ascending("status", "category"));
        talents.createIndex(Indexes.ascending("cryptoKeyId"));
    }

    public String idHash(String idNumber) {
        return cipher.hash("idNumber", PersonalDataCipher.normaliseIdNumber(idNumber));
    }

    public Optional<TalentRecord> findByIdNumber(String idNumber) {
        return Optional.ofNullable(talents.find(eq("idHash", idHash(idNumber))).first()).map(this::toRecord);
    }

    public void insert(NewTalent t, List<EventEnvelope> events) {
        String idNumber = PersonalDataCipher.normaliseIdNumber(t.idNumber());
        Document doc = new Document("_id", t.id())
                .append("version", 0L)
                .append("name", t.name())
                .append("gender", t.gender())
                .append("birthYear", t.birthYear())
                .append("idNumber", cipher.encrypt("idNumber", idNumber))
                .append("idHash", cipher.hash("idNumber", idNumber))
                .append("cryptoKeyId", cipher.activeKeyId())
                .append("idLast4", idNumber.substring(Math.max(0, idNumber.length() - 4)))
                .append("idLength", idNumber.length())
                .append("phone", t.phone() == null ? null : cipher.encrypt("phone", t.phone()))
                .append("phoneMasked", PersonalData.maskPhone(t.phone()))
                .append("email", t.email())
                .append("education", t.education())
                .append("title", t.title())
                .append("expertise", t.expertise())
                .append("expertiseIndex", ExpertiseVocabulary.expand(t.expertise()))
                .append("freeTags", t.freeTags())
                .append("employer", t.employer())
                .append("homeCity", t.homeCity())
                .append("resident", org.onegrid.talent.domain.Presence.isResidentCity(t.homeCity()))
                .append("unitId", t.unitId())
                .append("category", t.category().name())
                .append("highLevelClass", t.highLevelClass() == null ? null : t.highLevelClass().name())
                .append("partyMember", t.partyMember())
                .append("district", t.district() == null ? null : t.district().name())
                .append("modes", t.modes().stream().map(Enum::name).toList())
                .append("registeredBy", t.registeredBy())
                .append("status", TalentStatus.PENDING.name())
                .append("reviews", List.of())
                .append("liaisonId", null)
                .append("liaisonHistory", List.of())
                .append("stays", List.of())
                .append("cases", List.of())
                .append("activeMatches", 0)
                .append("ratingCount", 0)
                .append("ratingSum", 0)
                .append("createdAt", Docs.date(t.at()))
                .append("updatedAt", Docs.date(t.at()))
                .append(Outbox.FIELD, Outbox.entries(t.id(), events));
        try {
            talents.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateException("a talent with this ID number is already registered");
            }
            throw e;
        }
    }

    public Optional<TalentRecord> find(String id) {
        return Optional.ofNullable(talents.find(eq("_id", id)).first()).map(this::toRecord);
    }

    /** Which liaison each of the talents points at (absent: no such talent, or no liaison). */
    public Map<String, String> liaisonsOf(Collection<String> talentIds) {
        Map<String, String> result = new HashMap<>();
        talents.find(in("_id", talentIds)).projection(Projections.include("liaisonId"))
                .forEach(d -> {
                    if (d.getString("liaisonId") != null) {
                        result.put(d.getString("_id"), d.getString("liaisonId"));
                    }
                });
        return result;
    }

    public String decryptPhone(TalentRecord t) {
        return t.phoneCipher() == null ? null : cipher.decrypt("phone", t.phoneCipher());
    }

    public void review(TalentRecord t, TalentStatus status, HighLevelClass cls, TalentRecord.Review review,
                       TalentRecord.LiaisonChange liaison, List<EventEnvelope> events, Instant at) {
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.set("status", status.name()),
                Updates.set("highLevelClass", cls == null ? null : cls.name()),
                Updates.push("reviews", reviewDoc(review))));
        if (liaison != null) {
            changes.add(Updates.set("liaisonId", liaison.liaisonId()));
            changes.add(Updates.push("liaisonHistory", liaisonDoc(liaison)));
        }
        write(t, changes, events, at);
    }

    public void assignLiaison(TalentRecord t, TalentRecord.LiaisonChange change, List<EventEnvelope> events,
                              Instant at) {
        write(t, List.of(Updates.set("liaisonId", change.liaisonId()),
                Updates.push("liaisonHistory", liaisonDoc(change))), events, at);
    }

    public void addStay(TalentRecord t, TalentRecord.StayEntry entry, List<EventEnvelope> events, Instant at) {
        write(t, List.of(Updates.push("stays", stayDoc(entry))), events, at);
    }

    public void replaceStays(TalentRecord t, List<TalentRecord.StayEntry> stays, List<EventEnvelope> events,
                             Instant at) {
        write(t, List.of(Updates.set("stays", stays.stream().map(TalentStore::stayDoc).toList())), events, at);
    }

    /** Profile fields a talent may change themselves; null leaves a field as it is. */
    public record ProfileChange(String phone, String email, String education, String title, List<String> expertise,
                                List<String> freeTags, String employer, District district, List<VolunteerMode> modes) {
    }

    public void updateProfile(TalentRecord t, ProfileChange c, Instant at) {
        List<Bson> changes = new ArrayList<>();
        if (c.phone() != null) {
            changes.add(Updates.set("phone", cipher.encrypt("phone", c.phone())));
            changes.add(Updates.set("phoneMasked", PersonalData.maskPhone(c.phone())));
            changes.add(Updates.set("cryptoKeyId", cipher.activeKeyId()));
            // The ID number must follow to the active key too, or cryptoKeyId would lie about it.
            changes.add(Updates.set("idNumber", cipher.encrypt("idNumber",
                    cipher.decrypt("idNumber", talents.find(eq("_id", t.id())).first().getString("idNumber")))));
        }
        if (c.email() != null) {
            changes.add(Updates.set("email", c.email()));
        }
        if (c.education() != null) {
            changes.add(Updates.set("education", c.education()));
        }
        if (c.title() != null) {
            changes.add(Updates.set("title", c.title()));
        }
        if (c.expertise() != null) {
            changes.add(Updates.set("expertise", c.expertise()));
            changes.add(Updates.set("expertiseIndex", ExpertiseVocabulary.expand(c.expertise())));
        }
        if (c.freeTags() != null) {
            changes.add(Updates.set("freeTags", c.freeTags()));
        }
        if (c.employer() != null) {
            changes.add(Updates.set("employer", c.employer()));
        }
        if (c.district() != null) {
            changes.add(Updates.set("district", c.district().name()));
        }
        if (c.modes() != null) {
            changes.add(Updates.set("modes", c.modes().stream().map(Enum::name).toList()));
        }
        write(t, changes, List.of(), at);
    }

    public void replaceCases(TalentRecord t, List<TalentRecord.CaseEntry> cases, Instant at) {
        write(t, List.of(Updates.set("cases", cases.stream().map(TalentStore::caseDoc).toList())), List.of(), at);
    }

    /**
     * Key rotation, second half: re-writes the ID and phone ciphertexts still under another key with the active
     * key (the hash is keyed separately and stays). Version-checked per talent, so a concurrent edit just leaves
     * that talent for the next pass.
     *
     * @return how many talents were re-encrypted in this pass
     */
    public int reencrypt(int batch) {
        int changed = 0;
        for (Document d : talents.find(com.mongodb.client.model.Filters.ne("cryptoKeyId", cipher.activeKeyId()))
                .limit(batch).into(new ArrayList<>())) {
            String phone = d.getString("phone");
            Bson update = Updates.combine(
                    Updates.set("idNumber", cipher.encrypt("idNumber", cipher.decrypt("idNumber",
                            d.getString("idNumber")))),
                    Updates.set("phone", phone == null ? null : cipher.encrypt("phone", cipher.decrypt("phone", phone))),
                    Updates.set("cryptoKeyId", cipher.activeKeyId()),
                    Updates.inc("version", 1L));
            changed += (int) talents.updateOne(and(eq("_id", d.get("_id")), eq("version", Docs.version(d))), update)
                    .getModifiedCount();
        }
        return changed;
    }

    /** Workload and ratings are counters other aggregates move; no version check needed for an $inc. */
    public void adjustActiveMatches(String talentId, int delta) {
        talents.updateOne(eq("_id", talentId), Updates.inc("activeMatches", delta));
    }

    public void addRating(String talentId, int rating) {
        talents.updateOne(eq("_id", talentId), Updates.combine(Updates.inc("ratingCount", 1),
                Updates.inc("ratingSum", rating)));
    }

    private void write(TalentRecord t, List<Bson> changes, List<EventEnvelope> events, Instant at) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.inc("version", 1L));
        all.add(Updates.set("updatedAt", Docs.date(at)));
        if (!events.isEmpty()) {
            all.add(Outbox.append(t.id(), events));
        }
        long modified = talents.updateOne(and(eq("_id", t.id()), eq("version", t.version())), Updates.combine(all))
                .getModifiedCount();
        if (modified == 0) {
            throw new ConcurrentChangeException("talent " + t.id() + " changed meanwhile");
        }
    }

    public Page<TalentRecord> search(Query q, int page, int size) {
        Bson filter = filter(q);
        long total = talents.countDocuments(filter);
        List<TalentRecord> items = talents.find(filter).sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                .map(this::toRecord).into(new ArrayList<>());
        return new Page<>(items, page, size, total);
    }

    public List<TalentRecord> all(Bson filter) {
        return talents.find(filter).map(this::toRecord).into(new ArrayList<>());
    }

    public List<TalentRecord> everyone() {
        return all(new Document());
    }

    public List<TalentRecord> certified() {
        return all(eq("status", TalentStatus.CERTIFIED.name()));
    }

    static Bson filter(Query q) {
        List<Bson> parts = new ArrayList<>();
        if (q.tag() != null) {
            parts.add(or(eq("expertiseIndex", q.tag()), eq("freeTags", q.tag())));
        }
        if (q.category() != null) {
            parts.add(eq("category", q.category().name()));
        }
        if (q.status() != null) {
            parts.add(eq("status", q.status().name()));
        }
        if (q.presentOn() != null) {
            String day = Docs.day(q.presentOn());
            List<Bson> stay = new ArrayList<>(List.of(lte("arrival", day),
                    or(gte("departure", day), eq("departure", null))));
            if (q.district() != null) {
                stay.add(eq("district", q.district().name()));
            }
            Bson resident = q.district() == null ? eq("resident", true)
                    : and(eq("resident", true), eq("district", q.district().name()));
            parts.add(or(elemMatch("stays", and(stay)), resident));
        } else if (q.district() != null) {
            parts.add(eq("district", q.district().name()));
        }
        return parts.isEmpty() ? new Document() : and(parts);
    }

    private static Document reviewDoc(TalentRecord.Review r) {
        return new Document("decision", r.decision()).append("reason", r.reason()).append("reviewer", r.reviewer())
                .append("fromStatus", r.fromStatus()).append("toStatus", r.toStatus())
                .append("highLevelClass", r.highLevelClass()).append("at", Docs.date(r.at()));
    }

    private static Document liaisonDoc(TalentRecord.LiaisonChange c) {
        return new Document("liaisonId", c.liaisonId()).append("previousLiaisonId", c.previousLiaisonId())
                .append("reason", c.reason()).append("by", c.by()).append("at", Docs.date(c.at()));
    }

    private static Document stayDoc(TalentRecord.StayEntry e) {
        Stay s = e.stay();
        return new Document("id", s.id()).append("arrival", Docs.day(s.arrival()))
                .append("departure", Docs.day(s.departure())).append("district", s.district().name())
                .append("ended", s.ended()).append("address", e.address());
    }

    private static Document caseDoc(TalentRecord.CaseEntry c) {
        return new Document("caseId", c.caseId()).append("kind", c.kind()).append("status", c.status())
                .append("note", c.note()).append("history", c.history().stream()
                        .map(h -> new Document("status", h.status()).append("note", h.note()).append("by", h.by())
                                .append("at", Docs.date(h.at()))).toList());
    }

    TalentRecord toRecord(Document d) {
        String cls = d.getString("highLevelClass");
        String district = d.getString("district");
        return new TalentRecord(d.getString("_id"), Docs.version(d), d.getString("name"), d.getString("gender"),
                d.getInteger("birthYear"), d.getString("idLast4"), Docs.integer(d, "idLength"), d.getString("phone"),
                d.getString("phoneMasked"), d.getString("email"), d.getString("education"), d.getString("title"),
                Docs.strings(d, "expertise"), Docs.strings(d, "freeTags"), d.getString("employer"),
                d.getString("homeCity"), d.getString("unitId"), Category.valueOf(d.getString("category")),
                cls == null ? null : HighLevelClass.valueOf(cls), Boolean.TRUE.equals(d.getBoolean("partyMember")),
                district == null ? null : District.valueOf(district),
                Docs.strings(d, "modes").stream().map(VolunteerMode::valueOf).toList(), d.getString("registeredBy"),
                TalentStatus.valueOf(d.getString("status")),
                Docs.docs(d, "reviews").stream().map(r -> new TalentRecord.Review(r.getString("decision"),
                        r.getString("reason"), r.getString("reviewer"), r.getString("fromStatus"),
                        r.getString("toStatus"), r.getString("highLevelClass"), Docs.instant(r, "at"))).toList(),
                d.getString("liaisonId"),
                Docs.docs(d, "liaisonHistory").stream().map(r -> new TalentRecord.LiaisonChange(
                        r.getString("liaisonId"), r.getString("previousLiaisonId"), r.getString("reason"),
                        r.getString("by"), Docs.instant(r, "at"))).toList(),
                Docs.docs(d, "stays").stream().map(s -> new TalentRecord.StayEntry(new Stay(s.getString("id"),
                        Docs.day(s, "arrival"), Docs.day(s, "departure"), District.valueOf(s.getString("district")),
                        Boolean.TRUE.equals(s.getBoolean("ended"))), s.getString("address"))).toList(),
                Docs.docs(d, "cases").stream().map(c -> new TalentRecord.CaseEntry(c.getString("caseId"),
                        c.getString("kind"), c.getString("status"), c.getString("note"),
                        Docs.docs(c, "history").stream().map(h -> new TalentRecord.CaseStep(h.getString("status"),
                                h.getString("note"), h.getString("by"), Docs.instant(h, "at"))).toList())).toList(),
                Docs.integer(d, "activeMatches"), Docs.integer(d, "ratingCount"), Docs.integer(d, "ratingSum"),
                Docs.instant(d, "createdAt"));
    }
}
