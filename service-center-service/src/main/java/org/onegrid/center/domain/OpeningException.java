package org.onegrid.center.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A local date that differs from the weekly pattern: a holiday or closure (no ranges) or special hours.
 */
public record OpeningException(LocalDate date, List<TimeRange> ranges, String reason) {

    public OpeningException {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    public boolean closed() {
        return ranges.isEmpty();
    }
}
