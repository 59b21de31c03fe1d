package org.onegrid.ticket.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deadline length in working time: "4h" (working hours) or "3d" (working days). */
public record WorkingDuration(long amount, Unit unit) {

    public enum Unit { HOURS, DAYS }

    private static final Pattern TEXT = Pattern.compile("(\\d{1,4})\\s*([hd])");

    public WorkingDuration {
        if (amount <= 0) {
            throw new IllegalArgumentException("a deadline must be positive");
        }
    }

    public static WorkingDuration parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("working duration must look like 4h or 3d: " + text);
        }
        return new WorkingDuration(Long.parseLong(m.group(1)), m.group(2).equals("h") ? Unit.HOURS : Unit.DAYS);
    }

    public long minutes(WorkingCalendar calendar) {
        return unit == Unit.HOURS ? amount * 60 : amount * calendar.minutesPerWorkingDay();
    }

    @Override
    public String toString() {
        return amount + (unit == Unit.HOURS ? "h" : "d");
    }
}
