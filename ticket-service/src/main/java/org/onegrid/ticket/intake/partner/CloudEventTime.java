package org.onegrid.ticket.intake.partner;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The CloudEvents {@code time} attribute, whichever way it arrived (HTTP header or body, Kafka header). */
final class CloudEventTime {

    private CloudEventTime() {
    }

    /**
     * An RFC 3339 timestamp. Its years have four digits; java.time alone would also take
     * "+999999999-12-31T23:59:59Z", which no store can hold.
     */
    static Instant parse(String time) {
        String t = time.strip();
        if (!t.matches("\\d{4}-.*")) {
            throw new DateTimeParseException("not RFC 3339", time, 0);
        }
        return Instant.parse(t);
    }
}
