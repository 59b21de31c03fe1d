package org.onegrid.ticket.intake.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.PersonalData;
import org.onegrid.events.Topics;
import org.onegrid.events.partner.PartnerEvents;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.CallerIdentity;
import org.onegrid.platform.service.Correlation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CloudEvents 1.0 over HTTP from partners (structured and binary mode). A known type whose payload passes its
 * schema is stored once per (source, id) with its outbox entry and relayed to {@link Topics#PARTNER}; the ticket is
 * made by the topic's consumer, the same way as for Kafka-native partners.
 */
@RestController
public class PartnerEventController {

    static final String SCOPE = "events:write";
    static final int MAX_BYTES = 64 * 1024;
    static final String STRUCTURED = "application/cloudevents+json";

    /** What the partner is told: the event is stored and will be published; the ticket follows asynchronously. */
    public record Accepted(String id, String source, String type, String status) {
    }

    private final PartnerInbox inbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public PartnerEventController(PartnerInbox inbox, OutboxRelay relay, Clock clock) {
        this.inbox = inbox;
        this.relay = relay;
        this.clock = clock;
    }

    @Operation(summary = "Receive a partner's CloudEvent (structured or binary mode)", description = """
            Structured: Content-Type application/cloudevents+json with the whole event as the body. Binary: the
            attributes in ce-id, ce-source, ce-type, ce-specversion, ce-time headers and the data as the JSON body.
            Known types are checked against their schema; an unknown type or a schema violation is 400, a body over
            64 KB 413, the same source and id again 409.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/cloudevents+json", examples = @ExampleObject(name = "video incident",
                    value = """
                            {"specversion": "1.0", "id": "cam-0042-20261123-001", "source": "urn:xueliang:sanya",
                             "type": "onegrid.partner.video-incident.v1", "time": "2026-11-23T02:00:00Z",
                             "datacontenttype": "application/json",
                             "data": {"cameraId": "cam-0042", "lat": 18.2530, "lon": 109.5120,
                                      "incidentKind": "road-damage", "detectedAt": "2026-11-23T01:59:30Z",
                                      "snapshotUrl": "https://video.example/snap/001.jpg", "confidence": 0.91}}"""))))
    @PostMapping(path = "/intake/events", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Accepted> receive(HttpServletRequest request) throws IOException {
        CallerIdentity caller = CallerIdentity.current();
        if (caller.partner() == null || !caller.hasScope(SCOPE)) {
            throw ApiException.forbidden("partner events need a partner API key with scope " + SCOPE);
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body = read(request.getInputStream());
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        EventEnvelope event = contentType.startsWith(STRUCTURED) ? structured(body) : binary(request, body,
                contentType);
        EventType<?> type = EventCatalog.find(event.type()).filter(t -> Topics.PARTNER.equals(t.topic()))
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "unknown-event-type",
                        "Unknown event type", "type " + event.type() + " is not a partner event type; known: "
                        + PartnerEvents.ALL.stream().map(EventType::type).toList(), Map.of("type", event.type())));
        Object payload;
        try {
            payload = EventCodec.payload(event, type);
        } catch (InvalidEventException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "schema-violation", "Event data violates its schema",
                    e.getMessage(), Map.of("type", event.type(), "errors",
                    java.util.List.of(Map.of("field", "data", "message", e.getMessage()))));
        }
        EventEnvelope published = new EventEnvelope(event.id(), event.source(), EventEnvelope.SPEC_VERSION,
                event.type(), event.subject(), event.time(), EventEnvelope.JSON,
                Correlation.current(), EventCodec.mapper().valueToTree(scrub(payload)));
        if (!inbox.accept(caller.partner(), published, clock.instant())) {
            throw ApiException.conflict("event " + event.id() + " from " + event.source()
                    + " was already received; it is not published again", Map.of("source", event.source(),
                    "id", event.id()));
        }
        relay.nudge();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(event.id(), event.source(),
                event.type(), "accepted"));
    }

    /** Partners' free text can hold phone and ID numbers; they never reach the topic. */
    static Object scrub(Object payload) {
        if (payload instanceof PartnerEvents.WechatReport r) {
            return new PartnerEvents.WechatReport(r.reportId(), r.categoryHint(), PersonalData.scrubText(r.content()),
                    r.lat(), r.lon(), PersonalData.scrubText(r.address()), r.districtCode(), r.mediaUrls(),
                    r.reportedAt());
        }
        if (payload instanceof PartnerEvents.GovAppComplaint c) {
            return new PartnerEvents.GovAppComplaint(c.complaintNo(), c.categoryHint(),
                    PersonalData.scrubText(c.content()), PersonalData.scrubText(c.address()), c.districtCode(),
                    c.lat(), c.lon(), c.submittedAt());
        }
        return payload;
    }

    private EventEnvelope structured(byte[] body) {
        JsonNode json;
        try {
            json = EventCodec.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("body", "not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("body", "a structured CloudEvent is a JSON object");
        }
        String datacontenttype = text(json, "datacontenttype");
        if (datacontenttype != null && !datacontenttype.toLowerCase().contains("json")) {
            throw ApiException.badRequest("datacontenttype", "must be application/json");
        }
        return envelope(text(json, "specversion"), text(json, "id"), text(json, "source"), text(json, "type"),
                text(json, "time"), text(json, "subject"), json.get("data"), "");
    }

    private EventEnvelope binary(HttpServletRequest request, byte[] body, String contentType) {
        if (request.getHeader("ce-specversion") == null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Not a CloudEvent", "send application/cloudevents+json (structured mode) or ce-* headers with "
                    + "a JSON body (binary mode)", Map.of());
        }
        if (!contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported data content type", "binary-mode data must be application/json", Map.of());
        }
        JsonNode data;
        try {
            data = EventCodec.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("data", "not JSON: " + e.getOriginalMessage());
        }
        return envelope(request.getHeader("ce-specversion"), request.getHeader("ce-id"),
                request.getHeader("ce-source"), request.getHeader("ce-type"), request.getHeader("ce-time"),
                request.getHeader("ce-subject"), data, "ce-");
    }

    private EventEnvelope envelope(String specversion, String id, String source, String type, String time,
                                   String subject, JsonNode data, String prefix) {
        if (!EventEnvelope.SPEC_VERSION.equals(specversion)) {
            throw ApiException.badRequest(prefix + "specversion", "must be 1.0");
        }
        require(prefix + "id", id);
        require(prefix + "source", source);
        require(prefix + "type", type);
        if (id.length() > 200 || source.length() > 500) {
            throw ApiException.badRequest(prefix + "id", "id or source is too long");
        }
        Instant at;
        try {
            at = time == null || time.isBlank() ? clock.instant() : CloudEventTime.parse(time);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(prefix + "time", "must be an RFC 3339 timestamp, e.g. 2026-11-23T08:00:00Z");
        }
        if (data == null || !data.isObject()) {
            throw ApiException.badRequest("data", "must be a JSON object");
        }
        return new EventEnvelope(id, source, specversion, type, subject, at, EventEnvelope.JSON, null, data);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "is required");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            // An object or array here used to be a 500 (found by the reliability suite's hostile corpus).
            throw ApiException.badRequest(field, "must be a string");
        }
        return node.asString();
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        return body;
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Event too large",
                "a partner event may be at most " + MAX_BYTES + " bytes", Map.of("maxBytes", MAX_BYTES));
    }
}
