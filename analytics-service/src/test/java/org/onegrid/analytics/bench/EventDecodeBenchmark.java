package org.onegrid.analytics.bench;

import java.util.List;

import org.onegrid.analytics.TicketStory;
import org.onegrid.events.EventCatalog;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;

/**
 * Not a test: how fast one thread turns ticket events as they lie on the topic into checked payloads — the work every
 * consumer does per record, and most of a replay's own. Prints the envelope alone and envelope plus payload, five
 * rounds after one of warm-up. Run by hand: {@code java -cp … EventDecodeBenchmark [tickets]}.
 */
public final class EventDecodeBenchmark {

    private EventDecodeBenchmark() {
    }

    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> records = TicketStory.encodedLives(tickets);
        long sink = 0;
        for (int round = 0; round <= 5; round++) {
            long started = System.nanoTime();
            for (String record : records) {
                sink += EventCodec.decode(record).id().length();
            }
            long envelopes = System.nanoTime();
            for (String record : records) {
                EventEnvelope envelope = EventCodec.decode(record);
                sink += EventCodec.payload(envelope, EventCatalog.find(envelope.type()).orElseThrow()).hashCode();
            }
            long payloads = System.nanoTime();
            if (round > 0) {
                System.out.printf("round %d: %,d records; envelope %,.0f/s; envelope and payload %,.0f/s%n", round,
                        records.size(), records.size() / ((envelopes - started) / 1e9),
                        records.size() / ((payloads - envelopes) / 1e9));
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
