package org.onegrid.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random ticket histories in every state (some facts missing, facts changing over a ticket's life), for tests. */
public final class RandomTickets {

    private static final String[] DISTRICTS = {"HT", "JY", "TY", "YZ", "YC", null};
    private static final String[] DEPARTMENTS = {"housing", "transport", "sanitation", null};
    private static final String[] CATEGORIES = {"roads", "noise", "water"};
    private static final String[] CHANNELS = {"HOTLINE_12345", "GRID_APP", "OPEN311"};
    private static final String[] KINDS = {"reported", "accepted", "dispatched", "returned", "resolved", "rated",
            "reopened", "warned", "escalated", "rejected", "merged"};
    private static final String[] STATUSES = {"REPORTED", "ACCEPTED", "DISPATCHED", "IN_PROGRESS", "RESOLVED",
            "REPLIED", "CLOSED", "REJECTED", "MERGED", "REOPENED", "RETURNED"};
    private static final String[] RATINGS = {"SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"};

    private final Random random;
    private final Instant start;

    public RandomTickets(Random random, Instant start) {
        this.random = random;
        this.start = start;
    }

    public Map<String, List<TicketChange>> histories(int tickets) {
        Map<String, List<TicketChange>> histories = new LinkedHashMap<>();
        for (int t = 0; t < tickets; t++) {
            String id = "t" + t;
            String district = pick(DISTRICTS);
            Instant reported = random.nextInt(50) == 0 ? null
                    : start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            Instant base = reported == null ? start : reported;
            List<TicketChange> history = new ArrayList<>();
            int events = 1 + random.nextInt(7);
            for (int e = 0; e < events; e++) {
                String kind = e == 0 ? "reported" : pick(KINDS);
                Instant at = base.plus(Duration.ofMinutes(30L * e + random.nextInt(3)));
                // Facts may change over a ticket's life (re-routing), so a ticket can move between cells.
                String d = random.nextInt(10) == 0 ? pick(DISTRICTS) : district;
                TicketSnapshot s = new TicketSnapshot(id, pick(CHANNELS), d, d == null ? null : d + "-C" + random.nextInt(3),
                        d == null ? null : d + "-G1", pick(CATEGORIES), pick(DEPARTMENTS), pick(STATUSES),
                        random.nextInt(3), reported, random.nextBoolean() ? base.plusSeconds(600) : null,
                        random.nextBoolean() ? base.plusSeconds(900) : null, null,
                        random.nextInt(5) == 0 ? null : base.plus(Duration.ofHours(random.nextInt(8))),
                        random.nextInt(5) == 0 ? null : base.plus(Duration.ofHours(random.nextInt(24 * 15))));
                String rating = "rated".equals(kind) ? pick(RATINGS) : null;
                Boolean onTime = "resolved".equals(kind) && random.nextInt(6) > 0 ? random.nextBoolean() : null;
                Double hours = "resolved".equals(kind) && random.nextInt(8) > 0
                        ? (random.nextInt(4) == 0 ? random.nextDouble() * 300 : random.nextInt(600) / 10.0) : null;
                history.add(new TicketChange(id + "-e" + e, kind, at, s, rating, onTime, hours));
            }
            histories.put(id, history);
        }
        return histories;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
