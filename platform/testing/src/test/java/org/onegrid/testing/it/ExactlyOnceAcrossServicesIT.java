package org.onegrid.testing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.testing.it.TwoServices.appeal;
import static org.onegrid.testing.it.TwoServices.applied;
import static org.onegrid.testing.it.TwoServices.await;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.EventHeaders;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.testing.Infrastructure;
import org.onegrid.testing.WithInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One Spring context publishes through the shared kafka module (outbox → relay → broker), another consumes through
 * the shared inbox: each event's effect happens exactly once, a re-send of the same event is ignored, and a poison
 * record goes to the dead-letter topic without stopping the consumer.
 */
@WithInfrastructure
class ExactlyOnceAcrossServicesIT {

    private static ConfigurableApplicationContext publisher;
    private static ConfigurableApplicationContext counter;
    private static MongoDatabase publisherDb;
    private static MongoDatabase counterDb;

    @BeforeAll
    static void start() {
        publisher = TwoServices.publisher("it-exactly-once-publisher");
        counter = TwoServices.counter("it-exactly-once-counter", "it-exactly-once");
        publisherDb = publisher.getBean(MongoDatabase.class);
        counterDb = counter.getBean(MongoDatabase.class);
    }

    @AfterAll
    static void stop() {
        counter.close();
        publisher.close();
    }

    @Test
    void eventPublishedByOneServiceIsAppliedOnceByAnother() {
        var appeal = appeal();

        AppealPublisherApp.submit(publisherDb, publisher.getBean(EventFactory.class), appeal);
        publisher.getBean(OutboxRelay.class).nudge();

        await("the counter applied the appeal", () -> applied(counterDb, appeal.appealId()) == 1);
        await("the outbox drained", () -> publisher.getBean(OutboxRelay.class).pending() == 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReSentEventIsIgnored(Infrastructure infra) throws Exception {
        var appeal = appeal();
        EventEnvelope event = AppealPublisherApp.submit(publisherDb, publisher.getBean(EventFactory.class), appeal);
        publisher.getBean(OutboxRelay.class).nudge();
        await("first delivery applied", () -> applied(counterDb, appeal.appealId()) == 1);

        // The same event again, as a producer retry or a relay restart would send it.
        KafkaTemplate<String, String> template = publisher.getBean(KafkaTemplate.class);
        var again = new ProducerRecord<>(Topics.CENTER, appeal.appealId(), EventCodec.encode(event));
        EventHeaders.write(event, again.headers());
        template.send(again).get();
        var marker = appeal();
        AppealPublisherApp.submit(publisherDb, publisher.getBean(EventFactory.class), marker);
        publisher.getBean(OutboxRelay.class).nudge();
        // Same key, same partition: once the later event is applied, the re-send before it has been seen.
        await("a later event applied", () -> applied(counterDb, marker.appealId()) == 1);

        List<ConsumerRecord<String, String>> onTopic = TwoServices.readUntil(infra, Topics.CENTER,
                records -> records.stream().filter(r -> r.value().contains(event.id())).count() >= 2);
        assertThat(onTopic.stream().filter(r -> r.value().contains(event.id()))).hasSize(2);
        assertThat(applied(counterDb, appeal.appealId())).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing(Infrastructure infra) throws Exception {
        KafkaTemplate<String, String> template = publisher.getBean(KafkaTemplate.class);
        String poison = "{\"this is\": \"not an envelope\", \"marker\": \"" + java.util.UUID.randomUUID() + "\"}";
        template.send(new ProducerRecord<>(Topics.CENTER, "poison", poison)).get();
        var after = appeal();
        AppealPublisherApp.submit(publisherDb, publisher.getBean(EventFactory.class), after);
        publisher.getBean(OutboxRelay.class).nudge();

        List<ConsumerRecord<String, String>> dead = TwoServices.readUntil(infra, Topics.deadLetter(Topics.CENTER),
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> poison.equals(r.value())).findFirst().get();
        String reason = new String(record.headers().lastHeader("onegrid-dlt-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("InvalidEventException").contains("not a CloudEvents envelope");
        await("the event after the poison applied", () -> applied(counterDb, after.appealId()) == 1);
    }
}
