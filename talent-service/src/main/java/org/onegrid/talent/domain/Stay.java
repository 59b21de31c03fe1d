package org.onegrid.talent.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One stay in Sanya: arrival, (planned or actual) departure, where. A null departure means open-ended.
 * {@code ended} tells whether the departure is recorded as having happened.
 */
public record Stay(String id, LocalDate arrival, LocalDate departure, District district, boolean ended) {

    public Stay {
        if (arrival == null) {
            throw new RuleViolation("arrival", "is required");
        }
        if (departure != null && departure.isBefore(arrival)) {
            throw new RuleViolation("departure", "must not be before arrival " + arrival);
        }
        if (district == null) {
            throw new RuleViolation("district", "is required");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(arrival) && (departure == null || !day.isAfter(departure));
    }

    public boolean overlaps(Stay other) {
        LocalDate end = departure == null ? LocalDate.MAX : departure;
        LocalDate otherEnd = other.departure == null ? LocalDate.MAX : other.departure;
        return !arrival.isAfter(otherEnd) && !other.arrival.isAfter(end);
    }

    public Stay end(LocalDate on) {
        if (ended) {
            throw new IllegalTransitionException("ENDED", "the stay already ended on " + departure);
        }
        if (on.isBefore(arrival)) {
            throw new RuleViolation("departure", "must not be before arrival " + arrival);
        }
        return new Stay(id, arrival, on, district, true);
    }

    /** The yyyy-MM months touched by the stay; an open stay counts up to {@code openUntil}. */
    public List<String> months(LocalDate openUntil) {
        LocalDate last = departure != null ? departure : openUntil;
        List<String> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(arrival); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            out.add(m.toString());
        }
        return out;
    }

    public long days() {
        return departure == null ? 0 : ChronoUnit.DAYS.between(arrival, departure) + 1;
    }
}
