package org.onegrid.center.api;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.onegrid.center.store.AppealStore;
import org.onegrid.center.store.CenterStore;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Appeals (诉求) dropped at a centre, and the centre's public board (公示) of what became of them. */
@RestController
@RequestMapping("/centers")
class AppealController {

    private final CenterStore centers;
    private final AppealStore appeals;
    private final OutboxRelay relay;
    private final Clock clock;

    AppealController(CenterStore centers, AppealStore appeals, OutboxRelay relay, Clock clock) {
        this.centers = centers;
        this.appeals = appeals;
        this.relay = relay;
        this.clock = clock;
    }

    public record AppealRequest(@Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String requestId,
                                @NotBlank @Size(max = 2000) String content,
                                @Size(max = 40) String categoryHint,
                                @DecimalMin("-90") @DecimalMax("90") Double lat,
                                @DecimalMin("-180") @DecimalMax("180") Double lon,
                                @Pattern(regexp = "\\+?[0-9 -]{5,20}") String contactPhone) {
    }

    public record AppealView(String appealId, String centerId, String categoryHint, String content, String status,
                             String ticketNo, Instant submittedAt, String resolutionSummary, String replySummary,
                             String rating) {
    }

    @PostMapping("/{centerId}/appeals")
    @Operation(description = "Stores the appeal and announces it (onegrid.center.appeal-submitted.v1) so that "
            + "ticket-service opens a ticket. ID and phone numbers in the text are scrubbed; the resident appears only "
            + "as an opaque requesterRef (contactPhone stays with the centre for call-backs and is never shown). A retried request with the same requestId returns the first appeal (200).")
    ResponseEntity<AppealView> submit(@PathVariable String centerId, @Valid @RequestBody AppealRequest r) {
        Document center = centers.find(centerId).orElseThrow(() -> ApiException.notFound("centre", centerId));
        if ((r.lat() == null) != (r.lon() == null)) {
            throw ApiException.badRequest(r.lat() == null ? "lat" : "lon", "lat and lon go together");
        }
        String appealId = r.requestId() == null ? "ap-" + UUID.randomUUID() : "ap-" + r.requestId();
        var submitted = appeals.submit(new AppealStore.NewAppeal(appealId, center, r.categoryHint(), r.content(),
                r.lat(), r.lon(), r.contactPhone()), clock.instant());
        if (submitted.created()) {
            relay.nudge();
        } else if (!centerId.equals(submitted.appeal().getString("centerId"))) {
            throw ApiException.conflict("requestId was already used at another centre", java.util.Map.of());
        }
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(submitted.appeal()));
    }

    @GetMapping("/appeals/{appealId}")
    AppealView get(@PathVariable String appealId) {
        return view(appeals.find(appealId).orElseThrow(() -> ApiException.notFound("appeal", appealId)));
    }

    @GetMapping("/{centerId}/board")
    @Operation(description = "The public board: each appeal's status, what was done and the rating; the text is "
            + "scrubbed of ID and phone numbers and nobody is named.")
    Pages<AppealView> board(@PathVariable String centerId, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        centers.find(centerId).orElseThrow(() -> ApiException.notFound("centre", centerId));
        return Pages.of(appeals.board(centerId, page, size), AppealController::view);
    }

    static AppealView view(Document a) {
        Document ticket = a.get("ticket", Document.class);
        return new AppealView(a.getString("_id"), a.getString("centerId"), a.getString("categoryHint"),
                a.getString("content"), a.getString("status"), ticket == null ? null : ticket.getString("ticketNo"),
                a.getDate("submittedAt").toInstant(), text(a, "resolution"), text(a, "reply"), text(a, "rating"));
    }

    private static String text(Document a, String field) {
        Document d = a.get(field, Document.class);
        return d == null ? null : d.getString("text");
    }
}
