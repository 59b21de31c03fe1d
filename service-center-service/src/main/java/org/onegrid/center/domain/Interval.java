package org.onegrid.center.domain;

import java.time.Instant;

/** A half-open time interval [start, end); used to keep one person out of two overlapping activities. */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
