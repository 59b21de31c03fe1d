package org.onegrid.ticket.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.onegrid.ticket.domain.HolidayYear;

/** Loads the yearly holiday files shipped under {@code classpath:calendar/}. */
public final class CalendarFiles {

    private CalendarFiles() {
    }

    public static List<HolidayYear> load(List<String> resources) {
        List<HolidayYear> years = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = CalendarFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("holiday calendar " + resource + " not found on the classpath");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                years.add(HolidayYear.parse(resource, text.lines().toList()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        return years;
    }
}
