package org.onegrid.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.onegrid.events.ticket.TicketEvents;

class UtcInstantsTest {

    @Test
    void writesAndReadsInstantsExactlyAsTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // Years 0000 to 9999, with whole seconds, milliseconds, microseconds and nanoseconds.
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant written = Instant.ofEpochSecond(seconds, nanos);
            String text = DateTimeFormatter.ISO_INSTANT.format(written);

            assertThat(UtcInstants.format(written)).isEqualTo(text);
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(written);
        }
        assertThat(UtcInstants.parse("2028-02-29T23:59:59.5Z"))
                .isEqualTo(Instant.parse("2028-02-29T23:59:59.500Z"));
    }

    @Test
    void leavesEveryOtherFormToJackson() {
        assertThat(UtcInstants.format(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
        assertThat(UtcInstants.format(Instant.parse("-0001-12-31T23:59:59Z"))).isNull();
        for (String other : new String[] {"2026-11-24T12:00:00+08:00", "2026-11-24T04:00:00z", "2026-11-24 04:00:00Z",
                "2026-02-30T04:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T04:00:60Z", "2026-11-24T04:00:00.Z",
                "2026-11-24T04:00:00.1234567890Z", "+2026-11-24T04:00:00Z", "2026-1-24T04:00:00Z", "1764000000"}) {
            assertThat(UtcInstants.parse(other)).as(other).isNull();
        }
    }

    @Test
    void anEventStillAcceptsAnOffsetAndNamesABadTime() {
        String facts = "{\"ticketId\":\"t-1\",\"channel\":\"GRID_APP\",\"categoryCode\":\"other\","
                + "\"status\":\"REPORTED\",\"escalationLevel\":0,\"reopenCount\":0,\"reportedAt\":\"%s\"}";
        EventEnvelope withOffset = envelope(facts.formatted("2026-11-24T12:00:00+08:00"));
        assertThat(EventCodec.payload(withOffset, TicketEvents.REPORTED).ticket().reportedAt())
                .isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));

        EventEnvelope impossibleDay = envelope(facts.formatted("2026-02-30T04:00:00Z"));
        assertThatThrownBy(() -> EventCodec.payload(impossibleDay, TicketEvents.REPORTED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("does not match")
                .hasMessageContaining("2026-02-30T04:00:00Z");
    }

    @Test
    void anInstantPastTheYear9999StillRoundTrips() {
        Instant farOff = Instant.parse("+12026-11-24T04:00:00.000000001Z");
        EventEnvelope read = envelope("{}", "+12026-11-24T04:00:00.000000001Z");
        assertThat(read.time()).isEqualTo(farOff);

        String written = EventCodec.encode(read);
        assertThat(written).contains("\"time\":\"+12026-11-24T04:00:00.000000001Z\"");
        assertThat(EventCodec.decode(written).time()).isEqualTo(farOff);
    }

    private static EventEnvelope envelope(String facts) {
        return envelope(facts, "2026-11-24T04:00:00.250Z");
    }

    private static EventEnvelope envelope(String facts, String time) {
        return EventCodec.decode("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/t\",\"type\":\""
                + TicketEvents.REPORTED.type() + "\",\"subject\":\"t-1\",\"time\":\"" + time + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"ticket\":" + facts + "}}");
    }
}
