package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.center.CenterEvents;
import tools.jackson.databind.JsonNode;

class ActivityApiTest extends CenterIntegrationTest {

    private final Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private String schedule(String centerId, int capacity, Instant start, Instant end) {
        Response r = post("/centers/" + centerId + "/activities", Map.of("theme", "RED_LECTURE",
                "title", "红色讲堂：党史里的三亚", "description", "主题党日", "audience", "辖区党员群众",
                "startsAt", start.toString(), "endsAt", end.toString(), "capacity", capacity));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    @Test
    void concurrentSignUpsNeverExceedTheCapacity() {
        String center = createCenter(18.2836, 109.4670);
        String activity = schedule(center, 10, tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(postRequest("/centers/activities/" + activity + "/sign-ups", Map.of("personId", "p-" + i)));
        }
        List<Response> responses = concurrently(requests);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isEqualTo(201));
        assertThat(responses.stream().filter(r -> r.body().get("status").asString().equals("BOOKED"))).hasSize(10);
        assertThat(responses.stream().filter(r -> r.body().get("status").asString().equals("WAITLISTED"))).hasSize(30);
        JsonNode after = get("/centers/activities/" + activity).body();
        assertThat(after.get("bookedCount").asInt()).isEqualTo(10);
        assertThat(after.get("waitlisted").asInt()).isEqualTo(30);
        assertThat(get("/centers/activities/" + activity + "/roster").body().get("booked")).hasSize(10);
    }

    @Test
    void theSamePersonSigningUpConcurrentlyGetsOnePlace() {
        String center = createCenter(18.2836, 109.4670);
        String activity = schedule(center, 5, tomorrow, tomorrow.plus(1, ChronoUnit.HOURS));
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(postRequest("/centers/activities/" + activity + "/sign-ups", Map.of("personId", "same")));
        }
        List<Response> responses = concurrently(requests);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.body().get("status").asString()).isEqualTo("BOOKED"));
        assertThat(get("/centers/activities/" + activity).body().get("bookedCount").asInt()).isEqualTo(1);
    }

    @Test
    void cancellingABookingPromotesTheFirstOnTheWaitlist() {
        String center = createCenter(18.2836, 109.4670);
        String activity = schedule(center, 2, tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        for (String p : List.of("ann", "bob", "cai", "dan")) {
            post("/centers/activities/" + activity + "/sign-ups", Map.of("personId", p));
        }
        Response waiting = post("/centers/activities/" + activity + "/sign-ups", Map.of("personId", "dan"));
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body().get("waitlistPosition").asInt()).isEqualTo(2);

        Response cancel = delete("/centers/activities/" + activity + "/sign-ups/ann");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.body().get("promotedPersonId").asString()).isEqualTo("cai");
        JsonNode roster = get("/centers/activities/" + activity + "/roster").body();
        assertThat(roster.get("booked").toString()).isEqualTo("[\"bob\",\"cai\"]");
        assertThat(roster.get("waitlist").toString()).isEqualTo("[\"dan\"]");

        // A waitlisted person leaving frees no seat and promotes nobody.
        Response leave = delete("/centers/activities/" + activity + "/sign-ups/dan");
        assertThat(leave.body().get("wasBooked").asBoolean()).isFalse();
        assertThat(leave.body().get("promotedPersonId").isNull()).isTrue();
        assertThat(delete("/centers/activities/" + activity + "/sign-ups/dan").status()).isEqualTo(404);

        var promoted = centerEvents(activity, e -> e.type().equals(CenterEvents.SIGNED_UP.type())
                && EventCodec.payload(e, CenterEvents.SIGNED_UP).outcome().equals("PROMOTED"), 1);
        assertThat(promoted).hasSize(1);
        assertThat(promoted.get(0).data().toString()).doesNotContain("cai");
    }

    @Test
    void nobodyIsBookedIntoTwoOverlappingActivities() {
        String a = createCenter(18.2836, 109.4670);
        String b = createCenter(18.2601, 109.5152);
        String morning = schedule(a, 5, tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        String overlapping = schedule(b, 5, tomorrow.plus(1, ChronoUnit.HOURS), tomorrow.plus(3, ChronoUnit.HOURS));
        String after = schedule(b, 5, tomorrow.plus(2, ChronoUnit.HOURS), tomorrow.plus(4, ChronoUnit.HOURS));

        assertThat(post("/centers/activities/" + morning + "/sign-ups", Map.of("personId", "eve")).status())
                .isEqualTo(201);
        Response clash = post("/centers/activities/" + overlapping + "/sign-ups", Map.of("personId", "eve"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().get("state").asString()).isEqualTo("OVERLAPPING_BOOKING");
        assertThat(clash.body().get("overlappingActivityId").asString()).isEqualTo(morning);
        // Back to back is fine: [start, end) intervals.
        assertThat(post("/centers/activities/" + after + "/sign-ups", Map.of("personId", "eve")).status())
                .isEqualTo(201);
    }

    @Test
    void concurrentSignUpsOfOnePersonIntoOverlappingActivitiesBookOnlyOne() {
        String center = createCenter(18.2836, 109.4670);
        List<HttpRequest> requests = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = schedule(center, 20, tomorrow.plus(i * 10, ChronoUnit.MINUTES),
                    tomorrow.plus(2, ChronoUnit.HOURS));
            ids.add(id);
            requests.add(postRequest("/centers/activities/" + id + "/sign-ups", Map.of("personId", "hurried")));
        }
        List<Response> responses = concurrently(requests);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(5)
                .allSatisfy(r -> assertThat(r.body().get("state").asString()).isEqualTo("OVERLAPPING_BOOKING"));
        assertThat(ids.stream().mapToInt(id -> get("/centers/activities/" + id).body().get("bookedCount").asInt())
                .sum()).isEqualTo(1);
    }

    @Test
    void aCancelledBookingFreesThePersonsTimeAndAPromotionTakesIt() {
        String center = createCenter(18.2836, 109.4670);
        String full = schedule(center, 1, tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        String other = schedule(center, 5, tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        post("/centers/activities/" + full + "/sign-ups", Map.of("personId", "ivy"));
        // jon waits for the full one, so he may still book the other at the same time ...
        assertThat(post("/centers/activities/" + full + "/sign-ups", Map.of("personId", "jon")).body()
                .get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(post("/centers/activities/" + other + "/sign-ups", Map.of("personId", "jon")).status())
                .isEqualTo(201);
        // ... and is then skipped when a seat frees up, because he is booked elsewhere at that time.
        assertThat(delete("/centers/activities/" + full + "/sign-ups/ivy").body().get("promotedPersonId").isNull())
                .isTrue();
        // ivy's cancelled time is hers again.
        assertThat(post("/centers/activities/" + other + "/sign-ups", Map.of("personId", "ivy")).status())
                .isEqualTo(201);
    }

    @Test
    void checkInCountsAttendanceIntoTheCentresServedCount() {
        String center = createCenter(18.2836, 109.4670);
        String activity = schedule(center, 1, tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        post("/centers/activities/" + activity + "/sign-ups", Map.of("personId", "fay"));
        post("/centers/activities/" + activity + "/sign-ups", Map.of("personId", "gus"));

        Response first = post("/centers/activities/" + activity + "/check-ins", Map.of("personId", "fay"));
        assertThat(first.body().get("firstCheckIn").asBoolean()).isTrue();
        Response again = post("/centers/activities/" + activity + "/check-ins", Map.of("personId", "fay"));
        assertThat(again.body().get("firstCheckIn").asBoolean()).isFalse();
        Response waitlisted = post("/centers/activities/" + activity + "/check-ins", Map.of("personId", "gus"));
        assertThat(waitlisted.status()).isEqualTo(409);
        assertThat(waitlisted.body().get("state").asString()).isEqualTo("WAITLISTED");
        assertThat(delete("/centers/activities/" + activity + "/sign-ups/fay").status()).isEqualTo(409);

        post("/centers/" + center + "/visits", Map.of("purpose", "CONSULTATION", "visitors", 3));
        JsonNode stats = get("/centers/" + center + "/stats").body();
        assertThat(stats.get("attended").asLong()).isEqualTo(1);
        assertThat(stats.get("visitors").asLong()).isEqualTo(3);
        assertThat(stats.get("servedCount").asLong()).isEqualTo(4);
        var events = centerEvents(activity, e -> !e.type().equals(CenterEvents.SIGNED_UP.type()), 2);
        assertThat(events).extracting(e -> e.type())
                .containsExactly(CenterEvents.ACTIVITY_SCHEDULED.type(), CenterEvents.ATTENDED.type());
        var scheduled = EventCodec.payload(events.get(0), CenterEvents.ACTIVITY_SCHEDULED);
        assertThat(scheduled.centerId()).isEqualTo(center);
        assertThat(scheduled.districtCode()).isEqualTo("TY");
        assertThat(scheduled.capacity()).isEqualTo(1);
    }

    @Test
    void invalidActivitiesAreRejectedNamingTheField() {
        String center = createCenter(18.2836, 109.4670);
        Response backwards = post("/centers/" + center + "/activities", Map.of("theme", "READING_SALON",
                "title", "读书沙龙", "startsAt", tomorrow.toString(), "endsAt", tomorrow.minusSeconds(60).toString(),
                "capacity", 10));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
        Response noCapacity = post("/centers/" + center + "/activities", Map.of("theme", "READING_SALON",
                "title", "读书沙龙", "startsAt", tomorrow.toString(), "endsAt", tomorrow.plusSeconds(3600).toString(),
                "capacity", 0));
        assertThat(noCapacity.body().get("errors").get(0).get("field").asString()).isEqualTo("capacity");
        Instant lastYear = Instant.now().minus(365, ChronoUnit.DAYS);
        Response past = post("/centers/" + center + "/activities", Map.of("theme", "READING_SALON",
                "title", "读书沙龙", "startsAt", lastYear.toString(), "endsAt", lastYear.plusSeconds(3600).toString(),
                "capacity", 10));
        assertThat(past.body().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
        Response listedBackwards = get("/centers/" + center + "/activities?from=" + tomorrow + "&to="
                + tomorrow.minus(1, ChronoUnit.DAYS));
        assertThat(listedBackwards.status()).isEqualTo(400);
        assertThat(listedBackwards.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(get("/centers/activity-themes").body().toString()).contains("红色讲堂", "读书沙龙");
    }
}
