package org.onegrid.center.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.onegrid.center.domain.ActivityTheme;
import org.onegrid.center.domain.Interval;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.springframework.stereotype.Repository;

/**
 * Activities with their attendees and waitlist embedded, so that capacity is enforced by one conditional write on one
 * document: a sign-up only lands while {@code bookedCount < capacity}. Every write bumps {@code version}, so the
 * read-modify-write commands (cancel with promotion, check-in) can rely on an optimistic version check.
 */
@Repository
public class ActivityStore {

    public static final String COLLECTION = "activities";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoCollection<Document> activities;
    private final PersonCalendar calendars;
    private final EventFactory events;

    public ActivityStore(MongoDatabase database, EventFactory events) {
        this.activities = database.getCollection(COLLECTION);
        this.calendars = new PersonCalendar(database);
        this.events = events;
        activities.createIndex(Indexes.ascending("centerId", "startsAt"));
        activities.createIndex(Indexes.ascending("attendees.personId"));
    }

    public record NewActivity(Document center, ActivityTheme theme, String title, String description, String audience,
                              Instant startsAt, Instant endsAt, int capacity) {
    }

    public Document schedule(NewActivity a, Instant now) {
        String id = "act-" + UUID.randomUUID();
        Document center = a.center();
        EventEnvelope scheduled = events.create(CenterEvents.ACTIVITY_SCHEDULED, id,
                new CenterEvents.ActivityScheduled(id, center.getString("_id"), center.getString("districtCode"),
                        center.getString("communityCode"), a.theme().name(), a.capacity(), a.startsAt(), a.endsAt(), now));
        Document doc = new Document("_id", id)
                .append("centerId", center.getString("_id"))
                .append("centerName", center.getString("name"))
                .append("districtCode", center.getString("districtCode"))
                .append("communityCode", center.getString("communityCode"))
                .append("theme", a.theme().name())
                .append("title", a.title())
                .append("description", a.description())
                .append("audience", a.audience())
                .append("startsAt", Date.from(a.startsAt()))
                .append("endsAt", Date.from(a.endsAt()))
                .append("capacity", a.capacity())
                .append("bookedCount", 0)
                .append("attendedCount", 0)
                .append("attendees", List.of())
                .append("waitlist", List.of())
                .append("status", "SCHEDULED")
                .append("version", 1L)
                .append("createdAt", Date.from(now))
                .append(Outbox.FIELD, Outbox.entries(id, List.of(scheduled)));
        activities.insertOne(doc);
        return doc;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(activities.find(eq("_id", id)).first());
    }

    public Paging<Document> list(String centerId, ActivityTheme theme, Instant from, Instant to, int page, int size) {
        List<Bson> parts = new ArrayList<>();
        if (centerId != null) {
            parts.add(eq("centerId", centerId));
        }
        if (theme != null) {
            parts.add(eq("theme", theme.name()));
        }
        if (from != null) {
            parts.add(gte("startsAt", Date.from(from)));
        }
        if (to != null) {
            parts.add(lt("startsAt", Date.from(to)));
        }
        Bson query = parts.isEmpty() ? new Document() : and(parts);
        List<Document> items = activities.find(query).sort(Sorts.ascending("startsAt", "_id"))
                .skip(page * size).limit(size).into(new ArrayList<>());
        return new Paging<>(items, page, size, activities.countDocuments(query));
    }

    public enum Outcome { BOOKED, WAITLISTED, PROMOTED }

    public record SignUpResult(Outcome outcome, boolean alreadyThere, int waitlistPosition) {
    }

    /**
     * Books the person if a seat is free, otherwise puts them on the waitlist. Both are single conditional writes:
     * the booking filter requires {@code bookedCount < capacity} and that the person is on neither list, so N
     * concurrent sign-ups never exceed the capacity and a retried request books nobody twice.
     */
    public SignUpResult signUp(String activityId, String personId, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document activity = find(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
            Optional<SignUpResult> existing = existingPlace(activity, personId);
            if (existing.isPresent()) {
                return existing.get();
            }
            requireOpenForSignUp(activity, now);
            // The person's calendar first: it serialises their sign-ups, so overlapping bookings cannot race.
            Optional<String> clash = calendars.reserve(personId, activityId, interval(activity), now, this::isBooked);
            if (clash.isPresent()) {
                throw new ConflictException("person is already booked into an overlapping activity",
                        Map.of("state", "OVERLAPPING_BOOKING", "overlappingActivityId", clash.get()));
            }
            boolean keepSlot = false;
            try {
                int capacity = activity.getInteger("capacity");
                Bson notYetThere = and(eq("_id", activityId), eq("status", "SCHEDULED"),
                        ne("attendees.personId", personId), ne("waitlist.personId", personId));
                Document person = new Document("personId", personId).append("signedUpAt", Date.from(now));
                long booked = activities.updateOne(and(notYetThere, lt("bookedCount", capacity)), combine(
                        inc("bookedCount", 1), push("attendees", person.append("checkedIn", false)),
                        inc("version", 1), Outbox.append(activityId, List.of(signedUp(activity, Outcome.BOOKED, now)))))
                        .getModifiedCount();
                if (booked == 1) {
                    keepSlot = true;
                    return new SignUpResult(Outcome.BOOKED, false, 0);
                }
                Document waiting = new Document("personId", personId).append("signedUpAt", Date.from(now));
                long waitlisted = activities.updateOne(and(notYetThere, gte("bookedCount", capacity)), combine(
                        push("waitlist", waiting), inc("version", 1),
                        Outbox.append(activityId, List.of(signedUp(activity, Outcome.WAITLISTED, now)))))
                        .getModifiedCount();
                if (waitlisted == 1) {
                    int position = existingPlace(find(activityId).orElseThrow(), personId)
                            .map(SignUpResult::waitlistPosition).orElse(0);
                    return new SignUpResult(Outcome.WAITLISTED, false, position);
                }
            } finally {
                if (!keepSlot) {
                    calendars.release(personId, activityId);
                }
            }
            // A seat was freed or taken in between; look again.
        }
        throw new ConflictException("too many concurrent changes to activity " + activityId + "; try again",
                Map.of("activityId", activityId));
    }

    public record CancelResult(boolean wasBooked, String promotedPersonId) {
    }

    /**
     * Takes the person off the activity. A freed seat goes, in the same write, to the first waitlisted person who is
     * not booked into an overlapping activity meanwhile.
     */
    public CancelResult cancel(String activityId, String personId, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document activity = find(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
            List<Document> attendees = new ArrayList<>(activity.getList("attendees", Document.class));
            List<Document> waitlist = new ArrayList<>(activity.getList("waitlist", Document.class));
            Document booked = byPerson(attendees, personId);
            Document waiting = byPerson(waitlist, personId);
            if (booked == null && waiting == null) {
                throw new NotFoundException("sign-up", activityId + "/" + personId);
            }
            if (booked != null && Boolean.TRUE.equals(booked.getBoolean("checkedIn"))) {
                throw new ConflictException("person already checked in; a sign-up cannot be cancelled after attendance",
                        Map.of("state", "CHECKED_IN"));
            }
            attendees.remove(booked);
            waitlist.remove(waiting);
            String promoted = null;
            List<EventEnvelope> out = new ArrayList<>();
            if (booked != null && attendees.size() < activity.getInteger("capacity")) {
                Interval when = interval(activity);
                for (Document candidate : List.copyOf(waitlist)) {
                    if (calendars.reserve(candidate.getString("personId"), activityId, when, now, this::isBooked)
                            .isEmpty()) {
                        waitlist.remove(candidate);
                        attendees.add(new Document("personId", candidate.getString("personId"))
                                .append("signedUpAt", candidate.getDate("signedUpAt"))
                                .append("promotedAt", Date.from(now)).append("checkedIn", false));
                        promoted = candidate.getString("personId");
                        out.add(signedUp(activity, Outcome.PROMOTED, now));
                        break;
                    }
                }
            }
            List<Bson> updates = new ArrayList<>(List.of(set("attendees", attendees), set("waitlist", waitlist),
                    set("bookedCount", attendees.size()), inc("version", 1)));
            if (!out.isEmpty()) {
                updates.add(Outbox.append(activityId, out));
            }
            long changed = activities.updateOne(and(eq("_id", activityId), eq("version", activity.get("version"))),
                    combine(updates)).getModifiedCount();
            if (changed == 1) {
                if (booked != null) {
                    calendars.release(personId, activityId);
                }
                return new CancelResult(booked != null, promoted);
            }
            if (promoted != null) {
                calendars.release(promoted, activityId);
            }
        }
        throw new ConflictException("too many concurrent changes to activity " + activityId + "; try again",
                Map.of("activityId", activityId));
    }

    /**
     * Checks a booked person in at the door; the attendance counts into the centre's served count.
     *
     * @return false if the person was already checked in (a repeated scan)
     */
    public boolean checkIn(String activityId, String personId, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document activity = find(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
            List<Document> attendees = new ArrayList<>(activity.getList("attendees", Document.class));
            Document booked = byPerson(attendees, personId);
            if (booked == null) {
                boolean waiting = byPerson(activity.getList("waitlist", Document.class), personId) != null;
                throw new ConflictException("person is not booked on this activity",
                        Map.of("state", waiting ? "WAITLISTED" : "NOT_SIGNED_UP"));
            }
            if (Boolean.TRUE.equals(booked.getBoolean("checkedIn"))) {
                return false;
            }
            booked.put("checkedIn", true);
            booked.put("checkedInAt", Date.from(now));
            EventEnvelope attended = events.create(CenterEvents.ATTENDED, activityId, new CenterEvents.Attended(
                    activityId, activity.getString("centerId"), activity.getString("districtCode"),
                    activity.getString("communityCode"), now));
            long changed = activities.updateOne(and(eq("_id", activityId), eq("version", activity.get("version"))),
                    combine(set("attendees", attendees), inc("attendedCount", 1), inc("version", 1),
                            Outbox.append(activityId, List.of(attended)))).getModifiedCount();
            if (changed == 1) {
                return true;
            }
        }
        throw new ConflictException("too many concurrent changes to activity " + activityId + "; try again",
                Map.of("activityId", activityId));
    }

    /** People served at a centre's activities: every check-in counts once. */
    public long attendedAt(String centerId) {
        Document sum = activities.aggregate(List.of(Aggregates.match(eq("centerId", centerId)),
                Aggregates.group(null, Accumulators.sum("attended", "$attendedCount")))).first();
        return sum == null ? 0 : sum.get("attended", Number.class).longValue();
    }

    public long countAt(String centerId) {
        return activities.countDocuments(eq("centerId", centerId));
    }

    private Optional<SignUpResult> existingPlace(Document activity, String personId) {
        if (byPerson(activity.getList("attendees", Document.class), personId) != null) {
            return Optional.of(new SignUpResult(Outcome.BOOKED, true, 0));
        }
        List<Document> waitlist = activity.getList("waitlist", Document.class);
        for (int i = 0; i < waitlist.size(); i++) {
            if (personId.equals(waitlist.get(i).getString("personId"))) {
                return Optional.of(new SignUpResult(Outcome.WAITLISTED, true, i + 1));
            }
        }
        return Optional.empty();
    }

    private static void requireOpenForSignUp(Document activity, Instant now) {
        if (!"SCHEDULED".equals(activity.getString("status"))) {
            throw new ConflictException("activity is " + activity.getString("status"),
                    Map.of("state", activity.getString("status")));
        }
        if (!activity.getDate("endsAt").toInstant().isAfter(now)) {
            throw new ConflictException("activity has ended", Map.of("state", "ENDED"));
        }
    }

    private boolean isBooked(String activityId, String personId) {
        return activities.countDocuments(and(eq("_id", activityId), eq("attendees.personId", personId))) > 0;
    }

    private static Interval interval(Document activity) {
        return new Interval(activity.getDate("startsAt").toInstant(), activity.getDate("endsAt").toInstant());
    }

    private static Document byPerson(List<Document> people, String personId) {
        return people.stream().filter(p -> personId.equals(p.getString("personId"))).findFirst().orElse(null);
    }

    private EventEnvelope signedUp(Document activity, Outcome outcome, Instant now) {
        String id = activity.getString("_id");
        return events.create(CenterEvents.SIGNED_UP, id, new CenterEvents.SignedUp(id, activity.getString("centerId"),
                activity.getString("districtCode"), activity.getString("communityCode"), outcome.name(),
                activity.getInteger("capacity"), now));
    }
}
