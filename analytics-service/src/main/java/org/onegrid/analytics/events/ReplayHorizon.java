package org.onegrid.analytics.events;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * How far the running rebuild replays each partition: the end offsets it read when it started. A live record below
 * them reaches the generation being built through the replay anyway, so the live consumer need not write it there
 * too. That matters when a rebuild starts while the live consumer has a backlog: without it, every event of the
 * backlog would be written to the new generation twice, once by each.
 */
@Component
class ReplayHorizon {

    private record Horizon(int generation, Map<TopicPartition, Long> end) {
    }

    private final AtomicReference<Horizon> current = new AtomicReference<>();

    void set(int generation, Map<TopicPartition, Long> end) {
        current.set(new Horizon(generation, Map.copyOf(end)));
    }

    void clear(int generation) {
        current.updateAndGet(h -> h != null && h.generation() == generation ? null : h);
    }

    /**
     * Whether this process's rebuild into {@code generation} replays the record at {@code offset}; false when it
     * does not know (no rebuild here, or one of another process), so the caller writes as if it did not.
     */
    boolean replays(int generation, TopicPartition partition, long offset) {
        Horizon h = current.get();
        if (h == null || h.generation() != generation) {
            return false;
        }
        Long end = h.end().get(partition);
        return end != null && offset < end;
    }
}
