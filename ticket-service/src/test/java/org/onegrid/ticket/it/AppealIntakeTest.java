package org.onegrid.ticket.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.inbox.ProcessedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** An appeal dropped at a service centre becomes one CENTER ticket, however often it is delivered. */
class AppealIntakeTest extends IntegrationTestBase {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MongoDatabase database;

    @Test
    void appealBecomesOneTicketEvenWhenDeliveredAgainOrResent() throws Exception {
        String appealId = "appeal-" + UUID.randomUUID();
        var appeal = new CenterEvents.AppealSubmitted(appealId, "center-jjl", "金鸡岭社区党群服务中心", "TY", "TY-JJL",
                "sanitation", "小区后门垃圾无人清运，已经三天了", JJL_LAT, JJL_LON, "resident-ref-7", Instant.now());
        EventEnvelope first = events.create(CenterEvents.APPEAL_SUBMITTED, appealId, appeal);
        // The same event twice (a redelivery) and a second event about the same appeal (a resend upstream).
        EventEnvelope resent = events.create(CenterEvents.APPEAL_SUBMITTED, appealId, appeal);
        for (EventEnvelope e : new EventEnvelope[]{first, first, resent}) {
            kafka.send(new ProducerRecord<>(Topics.CENTER, appealId, EventCodec.encode(e))).get();
        }

        // Same key, same partition: once the resend is processed, the earlier deliveries were too.
        var processed = database.getCollection(ProcessedEvents.COLLECTION);
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(30).toMillis();
        while (processed.countDocuments(Filters.eq("_id", "ticket-from-appeal|" + resent.id())) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        var tickets = database.getCollection("tickets");
        assertThat(tickets.countDocuments(Filters.eq("sourceRef", appealId))).isEqualTo(1);
        Document ticket = tickets.find(Filters.eq("sourceRef", appealId)).first();
        assertThat(ticket.getString("channel")).isEqualTo("CENTER");
        assertThat(ticket.getString("gridCode")).isEqualTo("TY-JJL-01");
        assertThat(ticket.getString("categoryCode")).isEqualTo("sanitation");

        String id = ticket.getString("_id");
        var reported = ticketEvents(id, list -> !list.isEmpty());
        assertThat(types(reported)).containsExactly("reported");
        var facts = EventCodec.payload(reported.get(0), TicketEvents.REPORTED).ticket();
        assertThat(facts.channel()).isEqualTo("CENTER");
        assertThat(facts.sourceRef()).isEqualTo(appealId);
        assertThat(get("/tickets?channel=CENTER&q=" + ticket.getString("ticketNo"), Caller.admin())
                .body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anAppealThatCannotBePlacedGoesToTheDeadLetterTopic() throws Exception {
        String appealId = "appeal-" + UUID.randomUUID();
        var appeal = new CenterEvents.AppealSubmitted(appealId, "center-x", "某中心", "XX", null, null, "无法定位的诉求",
                null, null, "resident-ref-8", Instant.now());
        kafka.send(new ProducerRecord<>(Topics.CENTER, appealId,
                EventCodec.encode(events.create(CenterEvents.APPEAL_SUBMITTED, appealId, appeal)))).get();

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlt-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        boolean deadLettered = false;
        long deadline = System.currentTimeMillis() + 20_000;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.CENTER)));
            while (!deadLettered && System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    deadLettered |= appealId.equals(record.key());
                }
            }
        }
        assertThat(deadLettered).isTrue();
        assertThat(database.getCollection("tickets").countDocuments(Filters.eq("sourceRef", appealId))).isZero();
    }
}
