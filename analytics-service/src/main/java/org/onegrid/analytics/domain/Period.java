package org.onegrid.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/** Time buckets by the date a ticket was reported, on Sanya's clock (Asia/Shanghai). */
public enum Period {
    DAY, WEEK, MONTH;

    public static final ZoneId SANYA = ZoneId.of("Asia/Shanghai");

    public String bucketOf(Instant reportedAt) {
        return bucketOf(reportedAt == null ? null : reportedAt.atZone(SANYA).toLocalDate());
    }

    /** The bucket of a Sanya date. */
    public String bucketOf(LocalDate day) {
        if (day == null) {
            return "UNKNOWN";
        }
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
        };
    }
}
