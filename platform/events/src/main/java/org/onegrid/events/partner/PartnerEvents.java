package org.onegrid.events.partner;

import org.onegrid.events.OptionalField;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.onegrid.events.EventType;
import org.onegrid.events.Topics;

/**
 * CloudEvents that partner systems send, on {@link Topics#PARTNER}; validated on the way in and on consumption.
 * Each record checks its own schema (required fields, ranges) in its constructor, so a violation surfaces as a
 * payload that does not match its schema wherever the payload is read (HTTP intake and the topic's consumers alike).
 * The record key on the topic is {@code source + "/" + id}. No payload carries the reporter's identity.
 */
public final class PartnerEvents {

    /** Longest free text a partner may send; longer is a schema violation, not silently cut. */
    public static final int MAX_TEXT = 4000;

    /**
     * 雪亮工程: a video-surveillance camera detected an incident. {@code incidentKind} is one of
     * {@link #INCIDENT_KINDS}; {@code confidence} in [0, 1] when the detector gives one.
     */
    public record VideoIncident(String cameraId, Double lat, Double lon, String incidentKind, Instant detectedAt,
                                @OptionalField String snapshotUrl, @OptionalField Double confidence) {
        public VideoIncident {
            require("cameraId", cameraId);
            coordinates(lat, lon, true);
            require("incidentKind", incidentKind);
            if (!INCIDENT_KINDS.contains(incidentKind)) {
                throw new IllegalArgumentException("incidentKind must be one of " + INCIDENT_KINDS.stream().sorted()
                        .toList());
            }
            timestamp("detectedAt", detectedAt);
            url("snapshotUrl", snapshotUrl);
            if (confidence != null && (confidence < 0 || confidence > 1)) {
                throw new IllegalArgumentException("confidence must be between 0 and 1");
            }
        }
    }

    /** What a camera's detector reports. */
    public static final Set<String> INCIDENT_KINDS = Set.of("garbage-pile", "road-damage", "illegal-parking",
            "street-vending", "illegal-construction", "crowd-gathering", "waterlogging", "other");

    /**
     * A report from the city's WeChat mini-program (随手拍). {@code reportId} is the mini-program's own id;
     * {@code content} is scrubbed of phone and ID numbers before it is published.
     */
    public record WechatReport(String reportId, @OptionalField String categoryHint, String content,
                               @OptionalField Double lat, @OptionalField Double lon, @OptionalField String address,
                               @OptionalField String districtCode, @OptionalField List<String> mediaUrls,
                               Instant reportedAt) {
        public WechatReport {
            require("reportId", reportId);
            require("content", content);
            text("content", content);
            coordinates(lat, lon, false);
            if (lat == null && districtCode == null) {
                throw new IllegalArgumentException("lat/lon or districtCode is required");
            }
            mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
            mediaUrls.forEach(u -> url("mediaUrls", u));
            timestamp("reportedAt", reportedAt);
        }
    }

    /**
     * A complaint filed in the government-service app 一鹿快办. {@code complaintNo} is the app's case number;
     * {@code content} is scrubbed of phone and ID numbers before it is published.
     */
    public record GovAppComplaint(String complaintNo, @OptionalField String categoryHint, String content,
                                  @OptionalField String address, @OptionalField String districtCode,
                                  @OptionalField Double lat, @OptionalField Double lon, Instant submittedAt) {
        public GovAppComplaint {
            require("complaintNo", complaintNo);
            require("content", content);
            text("content", content);
            coordinates(lat, lon, false);
            if (lat == null && districtCode == null) {
                throw new IllegalArgumentException("lat/lon or districtCode is required");
            }
            timestamp("submittedAt", submittedAt);
        }
    }

    public static final EventType<VideoIncident> VIDEO_INCIDENT =
            EventType.of("onegrid.partner.video-incident.v1", Topics.PARTNER, VideoIncident.class);
    public static final EventType<WechatReport> WECHAT_REPORT =
            EventType.of("onegrid.partner.wechat-report.v1", Topics.PARTNER, WechatReport.class);
    public static final EventType<GovAppComplaint> GOVAPP_COMPLAINT =
            EventType.of("onegrid.partner.govapp-complaint.v1", Topics.PARTNER, GovAppComplaint.class);

    public static final List<EventType<?>> ALL = List.of(VIDEO_INCIDENT, WECHAT_REPORT, GOVAPP_COMPLAINT);

    private PartnerEvents() {
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** RFC 3339 has four-digit years; java.time also reads "+999999999-12-31T23:59:59Z", which no store can hold. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private static void timestamp(String field, Instant value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new IllegalArgumentException(field + " must be an RFC 3339 timestamp between 1970 and 9999");
        }
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
    }

    private static void coordinates(Double lat, Double lon, boolean required) {
        if (lat == null && lon == null && !required) {
            return;
        }
        if (lat == null || lon == null) {
            throw new IllegalArgumentException("lat and lon are required together");
        }
        if (lat < -90 || lat > 90 || lat.isNaN()) {
            throw new IllegalArgumentException("lat must be between -90 and 90");
        }
        if (lon < -180 || lon > 180 || lon.isNaN()) {
            throw new IllegalArgumentException("lon must be between -180 and 180");
        }
    }

    private static void url(String field, String value) {
        if (value != null && !value.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException(field + " must be an http(s) URL");
        }
    }
}
