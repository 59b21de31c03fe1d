package org.onegrid.center.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.onegrid.center.domain.Interval;

/**
 * One document per person holding the time slots of their bookings, changed only with a version check. It serialises
 * a person's concurrent sign-ups, so that two sign-ups into overlapping activities cannot both pass the overlap check
 * (the activity documents alone cannot see each other).
 *
 * <p>A slot is reserved before the activity is booked and released if the booking does not happen. A slot left by a
 * crash in between is recognised later: it is older than {@link #IN_FLIGHT} and its activity does not list the person.
 */
class PersonCalendar {

    static final String COLLECTION = "person_calendars";
    private static final Duration IN_FLIGHT = Duration.ofMinutes(1);
    private static final int MAX_ATTEMPTS = 20;

    private final MongoCollection<Document> calendars;

    PersonCalendar(MongoDatabase database) {
        this.calendars = database.getCollection(COLLECTION);
    }

    /**
     * Reserves the activity's slot for the person.
     *
     * @param isBooked tells whether a person is really booked on an activity (to recognise abandoned slots)
     * @return the id of a clashing activity the person is booked into, or empty when the slot is now theirs
     */
    Optional<String> reserve(String personId, String activityId, Interval when, Instant now,
                             BiPredicate<String, String> isBooked) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document calendar = calendars.find(eq("_id", personId)).first();
            List<Document> slots = new ArrayList<>();
            for (Document slot : calendar == null ? List.<Document>of() : calendar.getList("slots", Document.class)) {
                String other = slot.getString("activityId");
                if (other.equals(activityId)) {
                    return Optional.empty();
                }
                boolean live = slot.getDate("reservedAt").toInstant().plus(IN_FLIGHT).isAfter(now)
                        || isBooked.test(other, personId);
                if (!live) {
                    continue; // abandoned by a sign-up that never completed
                }
                Interval taken = new Interval(slot.getDate("start").toInstant(), slot.getDate("end").toInstant());
                if (taken.overlaps(when)) {
                    return Optional.of(other);
                }
                slots.add(slot);
            }
            slots.add(new Document("activityId", activityId).append("start", Date.from(when.start()))
                    .append("end", Date.from(when.end())).append("reservedAt", Date.from(now)));
            if (write(personId, calendar, slots)) {
                return Optional.empty();
            }
        }
        throw new ConflictException("too many concurrent sign-ups by this person; try again",
                Map.of("personId", personId));
    }

    void release(String personId, String activityId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document calendar = calendars.find(eq("_id", personId)).first();
            if (calendar == null) {
                return;
            }
            List<Document> slots = new ArrayList<>(calendar.getList("slots", Document.class));
            if (!slots.removeIf(s -> activityId.equals(s.getString("activityId")))) {
                return;
            }
            if (write(personId, calendar, slots)) {
                return;
            }
        }
        // Left behind, the slot is recognised as abandoned once it is no longer in flight.
    }

    private boolean write(String personId, Document calendar, List<Document> slots) {
        if (calendar == null) {
            try {
                calendars.insertOne(new Document("_id", personId).append("version", 1L).append("slots", slots));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return calendars.updateOne(and(eq("_id", personId), eq("version", calendar.get("version"))),
                combine(set("slots", slots), inc("version", 1))).getModifiedCount() == 1;
    }
}
