package org.onegrid.analytics.events;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import org.onegrid.analytics.TicketStory;
import org.onegrid.analytics.domain.TicketChange;
import org.onegrid.events.EventCodec;

/**
 * Not a test: the heap one ticket change takes while the rebuild holds it in its window ({@link ViewRebuilder}), which
 * sets how many tickets a window of a given heap can fold. Run by hand with a collector that compacts fully:
 * {@code java -XX:+UseSerialGC -cp … RebuildWindowBenchmark [tickets]}.
 */
public final class RebuildWindowBenchmark {

    private RebuildWindowBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> records = TicketStory.encodedLives(tickets);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterCollection(memory);
        List<TicketChange> held = new ArrayList<>(records.size());
        for (String record : records) {
            held.add(TicketChanges.from(EventCodec.decode(record)));
        }
        long after = usedAfterCollection(memory);
        System.out.printf("%,d ticket changes held: %,.0f bytes each (%,d records kept alive meanwhile)%n", held.size(),
                (after - before) / (double) held.size(), records.size());
    }

    private static long usedAfterCollection(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
