package org.onegrid.analytics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** Time buckets by the date a ticket was reported, on Sanya's clock (Asia/Shanghai). */
public enum Period {
    DAY, WEEK, MONTH;

    public static final ZoneId SANYA = ZoneId.of("Asia/Shanghai");

    public String bucketOf(Instant reportedAt) {
        if (reportedAt == null) {
            return "UNKNOWN";
        }
        ZonedDateTime local = reportedAt.atZone(SANYA);
        return switch (this) {
            case DAY -> local.toLocalDate().toString();
            case WEEK -> String.format("%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                    local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", local.getYear(), local.getMonthValue());
        };
    }
}
