package org.onegrid.ticket.intake.hotline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import org.bson.Document;
import org.onegrid.events.EventCodec;
import org.onegrid.events.PersonalData;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.CallerIdentity;
import org.onegrid.ticket.api.TicketService;
import org.onegrid.ticket.domain.intake.HotlineSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * The 12345 hotline channel: signed case deliveries, the category mapping table and the status-callback queue
 * (the last two for admins).
 */
@RestController
@RequestMapping("/intake/hotline")
public class HotlineController {

    public static final String PARTNER = "X-Hotline-Partner";
    public static final String TIMESTAMP = "X-Hotline-Timestamp";
    public static final String SIGNATURE = "X-Hotline-Signature";
    static final int MAX_PAGE_SIZE = 100;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final java.time.Duration TEN_YEARS = java.time.Duration.ofDays(3653);
    private static final Logger log = LoggerFactory.getLogger(HotlineController.class);

    public record CaseView(String caseNo, String outcome, String ticketId, String ticketNo, String ticketStatus,
                           String categoryCode, String hotlineCategoryCode, boolean categoryMapped,
                           String callerName, String callerPhone, String ratingToken) {
    }

    public record MappingRequest(@NotBlank @Size(max = 64) String categoryCode, @Size(max = 100) String nameZh) {
    }

    public record MappingView(String code, String categoryCode, String nameZh, Instant updatedAt) {
    }

    public record DeliveryView(String id, String caseNo, String ticketId, long seq, String status, String state,
                               int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
                               Instant sentAt) {
    }

    public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    private final HotlineIntake intake;
    private final HotlineStore store;
    private final HotlineSettings settings;
    private final TicketService tickets;
    private final Validator validator;
    private final Clock clock;

    public HotlineController(HotlineIntake intake, HotlineStore store, HotlineSettings settings,
                             TicketService tickets, Validator validator, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.settings = settings;
        this.tickets = tickets;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Receives a case. The body is read as bytes because the signature covers them exactly; it is parsed only
     * after the signature holds and has not been seen before, so a refused request leaves nothing behind.
     */
    @Operation(summary = "Receive a 12345 hotline case (工单)", description = """
            Signed by the hotline: X-Hotline-Signature = hex HMAC-SHA256(secret, X-Hotline-Timestamp + "\\n" + body),
            X-Hotline-Timestamp in epoch seconds (at most 5 minutes off), X-Hotline-Partner = the partner id. A bad,
            stale or replayed signature is 401 and nothing is stored. Idempotent on caseNo: 201 the first time, 200
            with the same ticket after; a changed body for a known case is added to the ticket as a note.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = HotlineCaseRequest.class),
                    examples = @ExampleObject(name = "street light", value = """
                            {"caseNo": "SY12345-20261123-0001", "receivedAt": "2026-11-23T01:30:00Z",
                             "callerName": "王先生", "callerPhone": "13812345678",
                             "content": "金鸡岭路路灯连续三晚不亮", "categoryCode": "JTYS-DLSS",
                             "address": "天涯区金鸡岭路88号", "lat": 18.2600, "lon": 109.4975,
                             "districtCode": "TY", "urgency": "NORMAL"}"""))))
    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CaseView> receive(@RequestHeader(value = PARTNER, required = false) String partner,
                                            @RequestHeader(value = TIMESTAMP, required = false) String timestamp,
                                            @RequestHeader(value = SIGNATURE, required = false) String signature,
                                            @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        authenticate(partner, timestamp, signature, bytes);
        HotlineCaseRequest request = parse(bytes);
        // Remembered only for a case that is valid, and forgotten again if the case is refused after all, so that
        // a refused delivery leaves nothing behind (found by the reliability suite's hostile corpus). A replay of a
        // refused body is refused again, for the same reason.
        String seen = signature.strip().toLowerCase(java.util.Locale.ROOT);
        if (!store.rememberSignature(seen, partner, HotlineSignature.rememberUntil(timestamp))) {
            throw refused(partner, HotlineSignature.Failure.REPLAYED);
        }
        HotlineIntake.Result result;
        try {
            result = intake.receive(partner, request, bytes);
        } catch (ApiException e) {
            store.forgetSignature(seen);
            throw e;
        }
        Document c = result.caseDoc();
        var view = new CaseView(request.caseNo(), result.outcome().name(), result.ticket().id,
                result.ticket().ticketNo, result.ticket().status.name(), result.ticket().categoryCode,
                c.getString("hotlineCategoryCode"), c.getString("categoryCode") != null,
                PersonalData.maskName(request.callerName()), PersonalData.maskPhone(request.callerPhone()),
                result.ratingToken());
        return ResponseEntity.status(result.first() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
    }

    @GetMapping("/category-mappings")
    public List<MappingView> mappings() {
        CallerIdentity.current().requireRole("admin", "dispatcher");
        return store.allMappings().stream().map(HotlineController::mapping).toList();
    }

    @PutMapping("/category-mappings/{code}")
    public MappingView putMapping(@PathVariable String code, @Valid @RequestBody MappingRequest body) {
        CallerIdentity caller = CallerIdentity.current().requireRole("admin");
        if (code.isBlank() || code.length() > 32) {
            throw ApiException.badRequest("code", "must be 1 to 32 characters");
        }
        if (!tickets.categoryExists(body.categoryCode())) {
            throw ApiException.badRequest("categoryCode", "no category with code " + body.categoryCode());
        }
        return mapping(store.putMapping(code, body.categoryCode(), body.nameZh(), caller.user(), clock.instant()));
    }

    @GetMapping("/deliveries")
    public DeliveryPage deliveries(@RequestParam(required = false) String state,
                                   @RequestParam(required = false) String caseNo,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        CallerIdentity.current().requireRole("admin");
        if (state != null && Set.of("PENDING", "SENT", "DEAD").stream().noneMatch(state::equals)) {
            throw ApiException.badRequest("state", "must be PENDING, SENT or DEAD");
        }
        if (page < 0) {
            throw ApiException.badRequest("page", "must be >= 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new DeliveryPage(store.deliveries(state, caseNo, page, size).stream()
                .map(HotlineController::delivery).toList(), page, size, store.countDeliveries(state, caseNo));
    }

    @PostMapping("/deliveries/{id}/retry")
    public DeliveryView retry(@PathVariable String id) {
        CallerIdentity.current().requireRole("admin");
        Document d = store.delivery(id).orElseThrow(() -> ApiException.notFound("delivery", id));
        if (!store.revive(id, clock.instant())) {
            throw ApiException.conflict("Delivery " + id + " is " + d.getString("state") + "; only DEAD ones are retried",
                    Map.of("currentState", d.getString("state")));
        }
        return delivery(store.delivery(id).orElseThrow());
    }

    private void authenticate(String partner, String timestamp, String signature, byte[] body) {
        HotlineSignature.Failure failure;
        if (partner == null || partner.isBlank()) {
            failure = HotlineSignature.Failure.MISSING;
        } else {
            HotlineSettings.Partner p = settings.partner(partner);
            failure = HotlineSignature.check(p == null ? null : p.secret(), timestamp, signature, body,
                    clock.instant());
            if (failure == null) {
                String gatewayPartner = CallerIdentity.current().partner();
                if (gatewayPartner != null && !gatewayPartner.equals(partner)) {
                    // The API key belongs to another partner than the one whose secret signed the body.
                    failure = HotlineSignature.Failure.UNKNOWN_PARTNER;
                }
            }
        }
        if (failure != null) {
            throw refused(partner, failure);
        }
    }

    private static ApiException refused(String partner, HotlineSignature.Failure failure) {
        log.warn("Hotline delivery refused: partner={} reason={}", partner == null ? "-" : partner.strip(), failure);
        return new ApiException(HttpStatus.UNAUTHORIZED, "hotline-signature", "Unauthenticated",
                "Hotline request refused: " + failure.message(), Map.of("reason", failure.name()));
    }

    private HotlineCaseRequest parse(byte[] body) {
        HotlineCaseRequest request;
        try {
            request = EventCodec.mapper().readValue(body, HotlineCaseRequest.class);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().get(0).getPropertyName());
            throw ApiException.badRequest(field, "is not valid (expected JSON with ISO-8601 instants)");
        }
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        Set<ConstraintViolation<HotlineCaseRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Map<String, String>> errors = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("errors", errors);
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    errors.get(0).get("field") + ": " + errors.get(0).get("message"), props);
        }
        if ((request.lat() == null) != (request.lon() == null)) {
            throw ApiException.badRequest(request.lat() == null ? "lat" : "lon", "give both lat and lon, or neither");
        }
        // Instants the store cannot hold (beyond java.util.Date) or no hotline could mean: refused before anything
        // is written (a far-future receivedAt used to fail after the ticket was made: a 500 and an orphan ticket).
        Instant now = clock.instant();
        plausible("receivedAt", request.receivedAt(), now);
        plausible("deadline", request.deadline(), now);
        if (request.deadline() != null && !request.deadline().isAfter(request.receivedAt())) {
            throw ApiException.badRequest("deadline", "must be after receivedAt");
        }
        return request;
    }

    private static void plausible(String field, Instant value, Instant now) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(now.plus(TEN_YEARS)))) {
            throw ApiException.badRequest(field, "must be between 2000 and ten years from now");
        }
    }

    private static MappingView mapping(Document d) {
        return new MappingView(d.getString("_id"), d.getString("categoryCode"), d.getString("nameZh"),
                instant(d, "updatedAt"));
    }

    private static DeliveryView delivery(Document d) {
        Document message = d.get("message", Document.class);
        return new DeliveryView(d.getString("_id"), d.getString("caseNo"), d.getString("ticketId"),
                ((Number) d.get("seq")).longValue(), message == null ? null : message.getString("status"),
                d.getString("state"), ((Number) d.get("attempts")).intValue(), d.getString("lastError"),
                instant(d, "nextAttemptAt"), instant(d, "createdAt"), instant(d, "sentAt"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
