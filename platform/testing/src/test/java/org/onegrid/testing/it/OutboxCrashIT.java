package org.onegrid.testing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onegrid.testing.it.TwoServices.appeal;
import static org.onegrid.testing.it.TwoServices.applied;
import static org.onegrid.testing.it.TwoServices.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.testing.Infrastructure;
import org.onegrid.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/** A crash on either side of the Kafka send loses no event and doubles no effect. */
@WithInfrastructure
class OutboxCrashIT {

    private static ConfigurableApplicationContext counter;
    private static MongoDatabase counterDb;

    @BeforeAll
    static void start() {
        counter = TwoServices.counter("it-crash-counter", "it-crash");
        counterDb = counter.getBean(MongoDatabase.class);
    }

    @AfterAll
    static void stop() {
        counter.close();
    }

    @Test
    void crashAfterTheMongoWriteBeforeTheSend() {
        var appeal = appeal();
        // A relay that never runs on its own: the service "dies" with the event only in Mongo.
        ConfigurableApplicationContext dying = TwoServices.publisher("it-crash-publisher",
                "onegrid.outbox.poll-interval=1h");
        AppealPublisherApp.submit(dying.getBean(MongoDatabase.class), dying.getBean(EventFactory.class), appeal);
        dying.close();
        assertThat(applied(counterDb, appeal.appealId())).isZero();

        ConfigurableApplicationContext restarted = TwoServices.publisher("it-crash-publisher");
        try {
            await("the restarted service relayed the event", () -> applied(counterDb, appeal.appealId()) == 1);
            await("its outbox drained", () -> restarted.getBean(OutboxRelay.class).pending() == 0);
        } finally {
            restarted.close();
        }
    }

    @Test
    void aNudgedAggregateIsRelayedByItsIdAloneAndTheScanCatchesTheRest() {
        var nudged = appeal();
        var forgotten = appeal();
        ConfigurableApplicationContext publisher = TwoServices.publisher("it-crash-publisher-3",
                "onegrid.outbox.poll-interval=1h");
        try {
            MongoDatabase db = publisher.getBean(MongoDatabase.class);
            EventFactory events = publisher.getBean(EventFactory.class);
            OutboxRelay relay = publisher.getBean(OutboxRelay.class);
            AppealPublisherApp.submit(db, events, forgotten);
            AppealPublisherApp.submit(db, events, nudged);

            relay.nudge(AppealPublisherApp.COLLECTION, nudged.appealId());
            await("the nudged aggregate's event arrived", () -> applied(counterDb, nudged.appealId()) == 1);
            assertThat(relay.pending()).as("the other outbox waits for a scan").isEqualTo(1);
            assertThat(applied(counterDb, forgotten.appealId())).isZero();

            relay.nudge();
            await("the scan relayed the rest", () -> applied(counterDb, forgotten.appealId()) == 1);
            await("every outbox drained", () -> relay.pending() == 0);
        } finally {
            publisher.close();
        }
    }

    @Test
    void theTimerScansAtStartAndWhenNudgedButNotOnEveryTick() {
        var leftBehind = appeal();
        var unannounced = appeal();
        ConfigurableApplicationContext dying = TwoServices.publisher("it-crash-publisher-4",
                "onegrid.outbox.poll-interval=1h");
        AppealPublisherApp.submit(dying.getBean(MongoDatabase.class), dying.getBean(EventFactory.class), leftBehind);
        dying.close();

        ConfigurableApplicationContext publisher = TwoServices.publisher("it-crash-publisher-4",
                "onegrid.outbox.poll-interval=100ms", "onegrid.outbox.sweep-interval=1h");
        try {
            OutboxRelay relay = publisher.getBean(OutboxRelay.class);
            await("the first tick scanned", () -> applied(counterDb, leftBehind.appealId()) == 1);

            AppealPublisherApp.submit(publisher.getBean(MongoDatabase.class), publisher.getBean(EventFactory.class),
                    unannounced);
            // Ten ticks later it still waits: a scan reads every document, so ticks without a reason skip it.
            Awaitility.await("not scanned on a plain tick").during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3)).until(() -> relay.pending() == 1);
            relay.nudge();
            await("an untargeted nudge scans", () -> applied(counterDb, unannounced.appealId()) == 1);
        } finally {
            publisher.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void crashAfterTheSendBeforeTheOutboxEntryIsRemoved(Infrastructure infra) {
        var appeal = appeal();
        ConfigurableApplicationContext publisher = TwoServices.publisher("it-crash-publisher-2",
                "onegrid.outbox.poll-interval=1h");
        try {
            MongoDatabase db = publisher.getBean(MongoDatabase.class);
            KafkaTemplate<String, String> template = publisher.getBean(KafkaTemplate.class);
            EventEnvelope event = AppealPublisherApp.submit(db, publisher.getBean(EventFactory.class), appeal);

            OutboxRelay crashing = new OutboxRelay(db, List.of(AppealPublisherApp.COLLECTION), template,
                    Duration.ofHours(1)) {
                @Override
                protected void acknowledge(MongoCollection<Document> collection, Map<Object, List<String>> sent) {
                    throw new IllegalStateException("simulated crash after the broker acknowledged the send");
                }
            };
            assertThatThrownBy(crashing::relayOnce).hasMessageContaining("simulated crash");
            assertThat(crashing.pending()).as("entry still in the outbox after the crash").isEqualTo(1);

            OutboxRelay afterRestart = new OutboxRelay(db, List.of(AppealPublisherApp.COLLECTION), template,
                    Duration.ofHours(1));
            assertThat(afterRestart.relayOnce()).isEqualTo(1);
            assertThat(afterRestart.pending()).isZero();

            var onTopic = TwoServices.readUntil(infra, Topics.CENTER,
                    records -> records.stream().filter(r -> r.value().contains(event.id())).count() >= 2);
            assertThat(onTopic.stream().filter(r -> r.value().contains(event.id()))).as("sent twice").hasSize(2);
            await("applied", () -> applied(counterDb, appeal.appealId()) == 1);
            // The second copy is on the topic too; the count must stay at one while the consumer gets to it.
            Awaitility.await("applied once").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> applied(counterDb, appeal.appealId()) == 1);
        } finally {
            publisher.close();
        }
    }
}
