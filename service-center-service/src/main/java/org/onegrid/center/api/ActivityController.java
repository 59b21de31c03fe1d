package org.onegrid.center.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.onegrid.center.domain.ActivityTheme;
import org.onegrid.center.store.ActivityStore;
import org.onegrid.center.store.CenterStore;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.Ranges;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Themed activities (主题党日菜单式): schedule, sign up with a waitlist, cancel, check in. */
@RestController
@RequestMapping("/centers")
class ActivityController {

    private final CenterStore centers;
    private final ActivityStore activities;
    private final OutboxRelay relay;
    private final Clock clock;

    ActivityController(CenterStore centers, ActivityStore activities, OutboxRelay relay, Clock clock) {
        this.centers = centers;
        this.activities = activities;
        this.relay = relay;
        this.clock = clock;
    }

    public record ThemeView(ActivityTheme code, String label) {
    }

    @GetMapping("/activity-themes")
    @Operation(description = "The menu of themed party-day activities every centre offers.")
    List<ThemeView> themes() {
        return Arrays.stream(ActivityTheme.values()).map(t -> new ThemeView(t, t.label())).toList();
    }

    public record ActivityRequest(@NotNull ActivityTheme theme, @NotBlank @Size(max = 100) String title,
                                  @Size(max = 2000) String description, @Size(max = 200) String audience,
                                  @NotNull Instant startsAt, @NotNull Instant endsAt,
                                  @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    public record ActivityView(String id, String centerId, String centerName, ActivityTheme theme, String themeLabel,
                               String title, String description, String audience, Instant startsAt, Instant endsAt,
                               int capacity, int bookedCount, int waitlisted, int attendedCount, String status) {
    }

    @PostMapping("/{centerId}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityView schedule(@PathVariable String centerId, @Valid @RequestBody ActivityRequest r) {
        Document center = centers.find(centerId).orElseThrow(() -> ApiException.notFound("centre", centerId));
        if (!r.endsAt().isAfter(r.startsAt())) {
            throw ApiException.badRequest("endsAt", "must be after startsAt");
        }
        if (!r.endsAt().isAfter(clock.instant())) {
            throw ApiException.badRequest("endsAt", "must be in the future");
        }
        if (Duration.between(r.startsAt(), r.endsAt()).toDays() > 7) {
            throw ApiException.badRequest("endsAt", "an activity lasts at most 7 days");
        }
        Document doc = activities.schedule(new ActivityStore.NewActivity(center, r.theme(), r.title().strip(),
                r.description(), r.audience(), r.startsAt(), r.endsAt(), r.capacity()), clock.instant());
        relay.nudge();
        return view(doc);
    }

    @GetMapping("/{centerId}/activities")
    Pages<ActivityView> list(@PathVariable String centerId, @RequestParam(required = false) ActivityTheme theme,
                             @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        Ranges.requireOrdered("from", from, "to", to);
        centers.find(centerId).orElseThrow(() -> ApiException.notFound("centre", centerId));
        return Pages.of(activities.list(centerId, theme, from, to, page, size), ActivityController::view);
    }

    @GetMapping("/activities/{activityId}")
    ActivityView get(@PathVariable String activityId) {
        return view(require(activityId));
    }

    public record SignUpRequest(@NotBlank @Size(max = 64) String personId) {
    }

    public record SignUpView(String activityId, String personId, String status, int waitlistPosition) {
    }

    @PostMapping("/activities/{activityId}/sign-ups")
    @Operation(description = "Books a seat, or puts the person on the waitlist when full (201). Repeating the "
            + "request for someone already signed up answers 200 with their place. 409 when the person is booked "
            + "into an overlapping activity or the activity has ended.")
    ResponseEntity<SignUpView> signUp(@PathVariable String activityId, @Valid @RequestBody SignUpRequest r) {
        var result = activities.signUp(activityId, r.personId(), clock.instant());
        relay.nudge();
        return ResponseEntity.status(result.alreadyThere() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new SignUpView(activityId, r.personId(), result.outcome().name(), result.waitlistPosition()));
    }

    public record CancelView(String activityId, String personId, boolean wasBooked, String promotedPersonId) {
    }

    @DeleteMapping("/activities/{activityId}/sign-ups/{personId}")
    @Operation(description = "Cancels a booking or waitlist place; a freed seat goes to the first waitlisted person.")
    CancelView cancel(@PathVariable String activityId, @PathVariable String personId) {
        var result = activities.cancel(activityId, personId, clock.instant());
        relay.nudge();
        return new CancelView(activityId, personId, result.wasBooked(), result.promotedPersonId());
    }

    public record CheckInView(String activityId, String personId, boolean firstCheckIn) {
    }

    @PostMapping("/activities/{activityId}/check-ins")
    CheckInView checkIn(@PathVariable String activityId, @Valid @RequestBody SignUpRequest r) {
        boolean first = activities.checkIn(activityId, r.personId(), clock.instant());
        relay.nudge();
        return new CheckInView(activityId, r.personId(), first);
    }

    public record Roster(String activityId, List<String> booked, List<String> waitlist, List<String> checkedIn) {
    }

    @GetMapping("/activities/{activityId}/roster")
    @Operation(description = "For centre staff: who is booked, waiting and checked in (person ids only).")
    Roster roster(@PathVariable String activityId) {
        Document a = require(activityId);
        List<Document> attendees = a.getList("attendees", Document.class);
        return new Roster(activityId, attendees.stream().map(p -> p.getString("personId")).toList(),
                a.getList("waitlist", Document.class).stream().map(p -> p.getString("personId")).toList(),
                attendees.stream().filter(p -> Boolean.TRUE.equals(p.getBoolean("checkedIn")))
                        .map(p -> p.getString("personId")).toList());
    }

    private Document require(String activityId) {
        return activities.find(activityId).orElseThrow(() -> ApiException.notFound("activity", activityId));
    }

    static ActivityView view(Document a) {
        ActivityTheme theme = ActivityTheme.valueOf(a.getString("theme"));
        return new ActivityView(a.getString("_id"), a.getString("centerId"), a.getString("centerName"), theme,
                theme.label(), a.getString("title"), a.getString("description"), a.getString("audience"),
                a.getDate("startsAt").toInstant(), a.getDate("endsAt").toInstant(), a.getInteger("capacity"),
                a.getInteger("bookedCount"), a.getList("waitlist", Document.class).size(),
                a.getInteger("attendedCount"), a.getString("status"));
    }
}
