package org.onegrid.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.onegrid.events.Topics;

/** How far analytics' live consumer group is behind the ticket topic (records not yet committed). */
final class Lag {

    static final String ANALYTICS_GROUP = "analytics-service";

    private final String bootstrap;

    Lag(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** The sum of the ticket topic's partitions' end offsets. */
    long endOffset() throws Exception {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(Topics.TICKET)).allTopicNames().get().get(Topics.TICKET)
                    .partitions().stream().map(i -> new TopicPartition(Topics.TICKET, i.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        }
    }

    long analytics() throws Exception {
        Map<TopicPartition, Long> end = endOffsets();
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = admin()) {
            committed = admin.listConsumerGroupOffsets(ANALYTICS_GROUP).partitionsToOffsetAndMetadata().get();
        }
        long lag = 0;
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Waits (bounded) until analytics has committed everything on the ticket topic; the lag left (0 = caught up). */
    long awaitAnalytics(long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long lag = analytics();
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            lag = analytics();
        }
        return lag;
    }
}
