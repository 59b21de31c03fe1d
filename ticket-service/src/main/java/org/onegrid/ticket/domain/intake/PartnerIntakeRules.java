package org.onegrid.ticket.domain.intake;

import java.util.Map;

/**
 * How partner reports become tickets: which category a camera's incident kind falls into, and how a title is
 * cut from free text. Kept as plain rules so that a new incident kind is a one-line change with a unit test.
 */
public final class PartnerIntakeRules {

    public static final String CHANNEL = "PARTNER";
    public static final int TITLE_LENGTH = 40;

    private static final Map<String, String> INCIDENT_CATEGORY = Map.of(
            "garbage-pile", "sanitation",
            "road-damage", "roads",
            "illegal-parking", "roads",
            "street-vending", "public-order",
            "illegal-construction", "illegal-construction",
            "crowd-gathering", "public-order",
            "waterlogging", "utilities");

    private static final Map<String, String> INCIDENT_LABEL = Map.of(
            "garbage-pile", "垃圾堆积",
            "road-damage", "道路破损",
            "illegal-parking", "违规停车",
            "street-vending", "占道经营",
            "illegal-construction", "违法建设",
            "crowd-gathering", "人员聚集",
            "waterlogging", "道路积水");

    private PartnerIntakeRules() {
    }

    /** The category of a camera-detected incident; unknown kinds go to "other" for a dispatcher to classify. */
    public static String categoryOfIncident(String incidentKind) {
        return INCIDENT_CATEGORY.getOrDefault(incidentKind, "other");
    }

    public static String incidentLabel(String incidentKind) {
        return INCIDENT_LABEL.getOrDefault(incidentKind, incidentKind);
    }

    /** A ticket's unique source reference: a CloudEvent is identified by its source and id together. */
    public static String sourceRef(String source, String id) {
        return source + "/" + id;
    }

    public static String title(String prefix, String content) {
        String c = content == null ? "" : content.strip();
        if (c.isEmpty()) {
            return prefix;
        }
        String cut = c.codePointCount(0, c.length()) <= TITLE_LENGTH ? c
                : c.substring(0, c.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
        return prefix + ": " + cut;
    }
}
