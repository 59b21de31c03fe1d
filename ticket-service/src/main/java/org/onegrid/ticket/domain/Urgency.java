package org.onegrid.ticket.domain;

/**
 * How urgent the channel says a problem is. The 12345 hotline grades its cases; an urgent case may not wait as long
 * as its category normally allows, so the category's first-response and solution lengths are scaled down.
 */
public enum Urgency {
    NORMAL(1.0), URGENT(0.5), VERY_URGENT(0.25);

    private final double share;

    Urgency(double share) {
        this.share = share;
    }

    /** The part of a working duration this urgency allows, never less than one working minute. */
    public long scale(long workingMinutes) {
        return Math.max(1, (long) Math.ceil(workingMinutes * share));
    }

    public static Urgency of(String name) {
        return name == null || name.isBlank() ? NORMAL : valueOf(name);
    }
}
