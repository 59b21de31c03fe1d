package org.onegrid.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;

/**
 * Deterministic synthetic tickets for the replay and query phases, spread over the five districts, six
 * communities each, the platform categories (with their departments), the five channels and the last 90 days.
 * Ticket i goes through the first {@link #stages(int)} steps of its life: reported, accepted, dispatched,
 * resolved, replied, rated.
 */
final class SyntheticTickets {

    static final List<String> DISTRICTS = List.of("HT", "JY", "TY", "YZ", "YC");
    static final List<String> CHANNELS = List.of("GRID_APP", "HOTLINE_12345", "CENTER", "PARTNER", "OPEN311");
    /** Category and its department, as ticket-service's Sanya reference data pairs them. */
    static final List<String[]> CATEGORIES = List.of(new String[]{"sanitation", "HW"}, new String[]{"roads", "JT"},
            new String[]{"noise", "GA"}, new String[]{"utilities", "SDQ"}, new String[]{"public-order", "ZZ"},
            new String[]{"illegal-construction", "ZJ"}, new String[]{"property-management", "ZJ"},
            new String[]{"livelihood-help", "MZ"}, new String[]{"market", "SCJG"}, new String[]{"health", "WJ"},
            new String[]{"education", "JY"});
    static final List<String> STATUS_AFTER = List.of("REPORTED", "ACCEPTED", "DISPATCHED", "RESOLVED", "REPLIED",
            "CLOSED");
    private static final List<String> RATINGS = List.of("SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");
    private static final ZoneId SANYA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String run;
    private final int eventsPerTicket;
    private final Instant now;

    SyntheticTickets(String run, int eventsPerTicket, Instant now) {
        this.run = run;
        this.eventsPerTicket = eventsPerTicket;
        this.now = now;
    }

    /** How many events ticket i has: 1 to 2e-1 (mean e) for e ≤ 3, otherwise e. */
    int stages(int i) {
        return eventsPerTicket <= 3 ? 1 + i % (2 * eventsPerTicket - 1) : eventsPerTicket;
    }

    /** One event of the replay: ticket i's stage s. */
    interface EventSink {
        void accept(int ticket, int stage) throws Exception;
    }

    /**
     * Hands the first {@code events} events to the sink in topic order and returns how many tickets they cover.
     * With {@code apart} 0 a ticket's events come in a row; otherwise ticket i's stage s comes right after ticket
     * i + s·apart is reported, so a ticket's life is spread over the topic, as on a live one (reported today,
     * rated days later). Each ticket's own events stay in order.
     */
    int inTopicOrder(int events, int apart, EventSink sink) throws Exception {
        int tickets = 0;
        for (int counted = 0; counted < events; tickets++) {
            counted += stages(tickets);
        }
        int produced = 0;
        if (apart == 0) {
            for (int i = 0; produced < events; i++) {
                for (int s = 0; s < stages(i) && produced < events; s++, produced++) {
                    sink.accept(i, s);
                }
            }
            return tickets;
        }
        for (int step = 0; produced < events; step++) {
            for (int s = 0; s < STATUS_AFTER.size() && produced < events; s++) {
                int i = step - s * apart;
                if (i >= 0 && i < tickets && s < stages(i)) {
                    sink.accept(i, s);
                    produced++;
                }
            }
        }
        return tickets;
    }

    String id(int i) {
        return idPrefix() + i;
    }

    /** What every synthetic ticket id of this run starts with. */
    String idPrefix() {
        return "bench-" + run + "-";
    }

    String district(int i) {
        return DISTRICTS.get(i % DISTRICTS.size());
    }

    String community(int i) {
        return district(i) + "-C" + (i / 5 % 6);
    }

    String grid(int i) {
        return community(i) + "-G" + (i / 30 % 8);
    }

    String[] category(int i) {
        return CATEGORIES.get(i / 7 % CATEGORIES.size());
    }

    String channel(int i) {
        return CHANNELS.get(i / 3 % CHANNELS.size());
    }

    Instant reportedAt(int i) {
        // Spread over 90 days, at varying times of day.
        return now.minus(Duration.ofMinutes(5 + (long) (i % 90) * 1440 + (i * 37L) % 1400));
    }

    String ticketNo(int i) {
        LocalDate day = reportedAt(i).atZone(SANYA).toLocalDate();
        return district(i) + "-" + DAY.format(day) + "-B" + i;
    }

    /** The time of ticket i's stage s (0 = reported). */
    Instant at(int i, int stage) {
        return reportedAt(i).plus(Duration.ofMinutes(stage == 0 ? 0 : 20L * stage + (i % 7) * 30L * (stage >= 3 ? 1 : 0)));
    }

    /** The envelope of ticket i's stage s, as ticket-service would publish it. */
    EventEnvelope event(int i, int stage) {
        String[] cat = category(i);
        Instant reported = reportedAt(i);
        Instant accepted = stage >= 1 ? at(i, 1) : null;
        Instant resolved = stage >= 3 ? at(i, 3) : null;
        TicketFacts facts = new TicketFacts(id(i), ticketNo(i), channel(i), null, district(i), community(i), grid(i),
                cat[0], stage >= 2 ? cat[1] : null, STATUS_AFTER.get(stage), 0, 0, reported, accepted, accepted,
                resolved, reported.plus(Duration.ofHours(2)), reported.plus(Duration.ofDays(2)));
        Instant time = at(i, stage);
        return switch (stage) {
            case 0 -> envelope(TicketEvents.REPORTED, i, new TicketEvents.Reported(facts), time);
            case 1 -> envelope(TicketEvents.ACCEPTED, i, new TicketEvents.Accepted(facts, false), time);
            case 2 -> envelope(TicketEvents.DISPATCHED, i, new TicketEvents.Dispatched(facts, cat[1], 1), time);
            case 3 -> envelope(TicketEvents.RESOLVED, i, new TicketEvents.Resolved(facts, i % 10 == 0, i % 5 != 0,
                    1.0 + i % 40, "已处理"), time);
            case 4 -> envelope(TicketEvents.REPLIED, i, new TicketEvents.Replied(facts, "已回复"), time);
            default -> envelope(TicketEvents.RATED, i, new TicketEvents.Rated(facts, RATINGS.get(i % RATINGS.size())), time);
        };
    }

    private <T> EventEnvelope envelope(EventType<T> type, int i, T payload, Instant time) {
        return EventEnvelope.create(type, "urn:onegrid:bench", id(i), payload, null, time);
    }
}
