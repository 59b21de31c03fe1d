package org.onegrid.center.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.onegrid.center.domain.WishStatus;
import org.onegrid.center.store.CenterStore;
import org.onegrid.center.store.WishStore;
import org.onegrid.events.PersonalData;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Micro-wishes (微心愿): themed batches, one-to-one claims (一对一认领), fulfilment and confirmation. */
@RestController
@RequestMapping("/centers")
class WishController {

    private final CenterStore centers;
    private final WishStore wishes;
    private final OutboxRelay relay;
    private final Clock clock;

    WishController(CenterStore centers, WishStore wishes, OutboxRelay relay, Clock clock) {
        this.centers = centers;
        this.wishes = wishes;
        this.relay = relay;
        this.clock = clock;
    }

    public record BatchRequest(@NotBlank @Size(max = 100) String theme, @NotNull LocalDate startsOn,
                               @NotNull LocalDate endsOn, @NotNull @Min(1) @Max(10_000) Integer maxValueYuan) {
    }

    public record BatchView(String id, String theme, LocalDate startsOn, LocalDate endsOn, Instant endsAt,
                            int maxValueYuan) {
    }

    @PostMapping("/wish-batches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(description = "A themed batch over whole local days (Asia/Shanghai); open wishes expire when it ends.")
    BatchView createBatch(@Valid @RequestBody BatchRequest r) {
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ApiException.badRequest("endsOn", "must not be before startsOn");
        }
        return batchView(wishes.createBatch(r.theme().strip(), r.startsOn(), r.endsOn(), r.maxValueYuan(),
                clock.instant()));
    }

    @GetMapping("/wish-batches")
    List<BatchView> batches() {
        return wishes.batches().stream().map(WishController::batchView).toList();
    }

    public record WishRequest(@NotBlank @Size(max = 64) String centerId, @NotBlank @Size(max = 40) String category,
                              @NotBlank @Size(max = 500) String description,
                              @NotNull @Min(1) @Max(10_000) Integer valueYuan,
                              @NotBlank @Size(max = 40) String requesterName,
                              @Pattern(regexp = "\\+?[0-9 -]{5,20}") String requesterPhone) {
    }

    /** The public view: the requester only as a masked name. */
    public record WishView(String id, String batchId, String batchTheme, String centerId, String centerName,
                           String districtCode, String communityCode, String category, String description,
                           int valueYuan, String requester, String status, String claimantType, Instant postedAt,
                           Instant claimedAt, String fulfilmentNote, Instant fulfilledAt, Instant confirmedAt,
                           Instant batchEndsAt) {
    }

    @PostMapping("/wish-batches/{batchId}/wishes")
    @ResponseStatus(HttpStatus.CREATED)
    WishView post(@PathVariable String batchId, @Valid @RequestBody WishRequest r) {
        Document batch = wishes.findBatch(batchId).orElseThrow(() -> ApiException.notFound("wish batch", batchId));
        Document center = centers.find(r.centerId()).orElseThrow(
                () -> ApiException.badRequest("centerId", "no centre with id " + r.centerId()));
        if (r.valueYuan() > batch.getInteger("maxValueYuan")) {
            throw ApiException.badRequest("valueYuan", "must be at most " + batch.getInteger("maxValueYuan")
                    + " yuan in this batch");
        }
        Document wish = wishes.post(new WishStore.NewWish(batch, center, r.category().strip(), r.description(),
                r.valueYuan(), r.requesterName().strip(), r.requesterPhone()), clock.instant());
        relay.nudge();
        return view(wish);
    }

    @GetMapping("/wishes")
    @Operation(description = "Public list; by default the wishes still open to claim.")
    Pages<WishView> list(@RequestParam(defaultValue = "OPEN") WishStatus status,
                         @RequestParam(required = false) String centerId,
                         @RequestParam(required = false) String batchId,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        return Pages.of(wishes.list(status, centerId, batchId, page, size), WishController::view);
    }

    @GetMapping("/wishes/{wishId}")
    WishView get(@PathVariable String wishId) {
        return view(wishes.find(wishId).orElseThrow(() -> ApiException.notFound("wish", wishId)));
    }

    public record ClaimRequest(@NotBlank @Size(max = 64) String claimantId,
                               @NotBlank @Pattern(regexp = "PARTY_MEMBER|VOLUNTEER") String claimantType) {
    }

    @PostMapping("/wishes/{wishId}/claim")
    @Operation(description = "一对一认领: exactly one claimant gets an open wish; anyone else gets 409 with its state.")
    WishView claim(@PathVariable String wishId, @Valid @RequestBody ClaimRequest r) {
        Document wish = wishes.claim(wishId, r.claimantId(), r.claimantType(), clock.instant());
        relay.nudge();
        return view(wish);
    }

    public record FulfilRequest(@NotBlank @Size(max = 64) String claimantId, @NotBlank @Size(max = 500) String note) {
    }

    @PostMapping("/wishes/{wishId}/fulfil")
    WishView fulfil(@PathVariable String wishId, @Valid @RequestBody FulfilRequest r) {
        Document wish = wishes.fulfil(wishId, r.claimantId(), r.note(), clock.instant());
        relay.nudge();
        return view(wish);
    }

    public record ConfirmRequest(@NotBlank @Size(max = 64) String staffId) {
    }

    @PostMapping("/wishes/{wishId}/confirm")
    @Operation(description = "Centre staff confirm that the fulfilled wish reached the requester.")
    WishView confirm(@PathVariable String wishId, @Valid @RequestBody ConfirmRequest r) {
        return view(wishes.confirm(wishId, r.staffId(), clock.instant()));
    }

    static BatchView batchView(Document b) {
        return new BatchView(b.getString("_id"), b.getString("theme"), LocalDate.parse(b.getString("startsOn")),
                LocalDate.parse(b.getString("endsOn")), b.getDate("endsAt").toInstant(), b.getInteger("maxValueYuan"));
    }

    static WishView view(Document w) {
        Document requester = w.get("requester", Document.class);
        Document claimant = w.get("claimant", Document.class);
        return new WishView(w.getString("_id"), w.getString("batchId"), w.getString("batchTheme"),
                w.getString("centerId"), w.getString("centerName"), w.getString("districtCode"),
                w.getString("communityCode"), w.getString("category"), w.getString("description"),
                w.getInteger("valueYuan"), requester == null ? null : PersonalData.maskName(requester.getString("name")),
                w.getString("status"), claimant == null ? null : claimant.getString("type"),
                instant(w, "postedAt"), instant(w, "claimedAt"), w.getString("fulfilmentNote"),
                instant(w, "fulfilledAt"), instant(w, "confirmedAt"), instant(w, "batchEndsAt"));
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field) == null ? null : d.getDate(field).toInstant();
    }
}
