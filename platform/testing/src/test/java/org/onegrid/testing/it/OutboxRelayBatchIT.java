package org.onegrid.testing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.Outbox;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.testing.Infrastructure;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A relay pass over many aggregates costs one read and one write, whatever their number, and still sends each
 * aggregate's events in the order they were appended.
 */
@WithInfrastructure
class OutboxRelayBatchIT {

    private static final int AGGREGATES = 30;
    private static final int EVENTS_EACH = 3;

    @Test
    @SuppressWarnings("unchecked")
    void onePassReadsAndClearsEveryNudgedOutboxWithOneCommandEach(Infrastructure infra) {
        ConfigurableApplicationContext publisher = TwoServices.publisher("it-relay-batch",
                "onegrid.outbox.poll-interval=1h");
        Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), c -> new AtomicInteger()).incrementAndGet();
            }
        };
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(infra.mongoUri())).addCommandListener(counting).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase db = client.getDatabase("it-relay-batch");
            EventFactory events = publisher.getBean(EventFactory.class);
            OutboxRelay relay = new OutboxRelay(db, List.of(AppealPublisherApp.COLLECTION),
                    publisher.getBean(KafkaTemplate.class), Duration.ofHours(1));
            Map<String, List<String>> appended = new LinkedHashMap<>();
            for (int i = 0; i < AGGREGATES; i++) {
                var appeal = TwoServices.appeal();
                List<String> ids = new ArrayList<>();
                ids.add(AppealPublisherApp.submit(db, events, appeal).id());
                for (int e = 1; e < EVENTS_EACH; e++) {
                    // Later changes of the same aggregate append to its outbox, as a service's updates do.
                    EventEnvelope later = events.create(CenterEvents.APPEAL_SUBMITTED, appeal.appealId(), appeal);
                    db.getCollection(AppealPublisherApp.COLLECTION).updateOne(Filters.eq("_id", appeal.appealId()),
                            Outbox.append(appeal.appealId(), List.of(later)));
                    ids.add(later.id());
                }
                appended.put(appeal.appealId(), ids);
                relay.nudge(AppealPublisherApp.COLLECTION, appeal.appealId());
            }

            commands.clear();
            assertThat(relay.relayTargets()).isEqualTo(AGGREGATES * EVENTS_EACH);
            assertThat(commands).as("database commands of one pass")
                    .containsOnlyKeys("find", "update")
                    .allSatisfy((name, count) -> assertThat(count.get()).as(name).isEqualTo(1));
            assertThat(relay.pending()).as("every outbox emptied").isZero();

            Set<String> ours = appended.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            var onTopic = TwoServices.readUntil(infra, Topics.CENTER, records -> records.stream()
                    .filter(r -> ours.contains(eventId(r.value()))).count() == ours.size());
            Map<String, List<String>> received = new LinkedHashMap<>();
            onTopic.stream().filter(r -> ours.contains(eventId(r.value())))
                    .forEach(r -> received.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(eventId(r.value())));
            assertThat(received).as("each aggregate's events, in the order appended").isEqualTo(appended);
        } finally {
            publisher.close();
        }
    }

    /** The record's event id; null for what other tests put on the topic that is no event (a poison record). */
    private static String eventId(String value) {
        try {
            return EventCodec.decode(value).id();
        } catch (InvalidEventException e) {
            return null;
        }
    }
}
