package org.onegrid.talent.domain;

import java.time.Duration;

/** What a talent may ask their liaison for, with the time the liaison has to settle it. */
public enum ServiceRequestType {
    HOUSING(Duration.ofDays(15)),
    MEDICAL(Duration.ofDays(3)),
    SCHOOLING(Duration.ofDays(20)),
    CAR(Duration.ofDays(2)),
    TRAVEL(Duration.ofDays(2)),
    SUBSIDY(Duration.ofDays(10));

    private final Duration allowed;

    ServiceRequestType(Duration allowed) {
        this.allowed = allowed;
    }

    public Duration allowed() {
        return allowed;
    }
}
