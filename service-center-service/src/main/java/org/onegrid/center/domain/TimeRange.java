package org.onegrid.center.domain;

import java.time.LocalTime;

/** Opening time within one local day; {@code closes} is exclusive and after {@code opens} (no overnight ranges). */
public record TimeRange(LocalTime opens, LocalTime closes) {

    public TimeRange {
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("opens and closes are required");
        }
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("closes must be after opens (" + opens + "-" + closes + ")");
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }
}
