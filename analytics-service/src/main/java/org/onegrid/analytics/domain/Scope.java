package org.onegrid.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Which activity figures to count: a district (null: all) and Sanya dates from/to inclusive (null: open). */
public record Scope(String district, LocalDate from, LocalDate to) {

    public static final Scope ALL = new Scope(null, null, null);

    public boolean district(String code) {
        return district == null || district.isBlank() || district.equals(code);
    }

    public boolean within(Instant time) {
        if (time == null) {
            return from == null && to == null;
        }
        LocalDate day = time.atZone(Period.SANYA).toLocalDate();
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    public boolean covers(String district, Instant time) {
        return district(district) && within(time);
    }
}
