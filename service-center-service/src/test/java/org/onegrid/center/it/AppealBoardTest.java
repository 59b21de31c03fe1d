package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.EventType;
import org.onegrid.events.Topics;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;
import tools.jackson.databind.JsonNode;

class AppealBoardTest extends CenterIntegrationTest {

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void anAppealIsAnnouncedOnTheCenterTopicWithoutPersonalData() {
        String center = createCenter(18.2836, 109.4670);
        String requestId = UUID.randomUUID().toString();
        Response r = post("/centers/" + center + "/appeals", Map.of("requestId", requestId,
                "content", "小区路灯坏了一个月，我的电话13812345678，身份证460200199001011234", "categoryHint", "STREET_LIGHT",
                "lat", 18.2840, "lon", 109.4675, "contactPhone", "13812345678"));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        String appealId = r.body().get("appealId").asString();
        assertThat(r.body().toString()).doesNotContain("13812345678").doesNotContain("460200199001011234");

        Response retry = post("/centers/" + center + "/appeals", Map.of("requestId", requestId, "content", "again"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("appealId").asString()).isEqualTo(appealId);

        var events = centerEvents(appealId, e -> true, 1);
        assertThat(events).hasSize(1);
        var submitted = EventCodec.payload(events.get(0), CenterEvents.APPEAL_SUBMITTED);
        assertThat(submitted.centerId()).isEqualTo(center);
        assertThat(submitted.districtCode()).isEqualTo("TY");
        assertThat(submitted.content()).contains("138****5678").doesNotContain("13812345678")
                .doesNotContain("460200199001011234");
        assertThat(submitted.requesterRef()).startsWith("res-");
        assertThat(events.get(0).data().toString()).doesNotContain("13812345678");

        JsonNode board = get("/centers/" + center + "/board").body();
        assertThat(board.get("items").get(0).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void ticketEventsInAnyOrderKeepTheBoardAtTheLatestStateWithOutcomeAndRating() {
        String center = createCenter(18.2836, 109.4670);
        String appealId = post("/centers/" + center + "/appeals", Map.of("content", "三亚湾路井盖松动"))
                .body().get("appealId").asString();
        String ticketId = "t-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-20T01:00:00Z");

        send(TicketEvents.DISPATCHED, ticketId, new TicketEvents.Dispatched(facts(ticketId, appealId, "DISPATCHED"),
                "HOUSING", 1), t0);
        // The rating overtakes the resolution on the way.
        send(TicketEvents.RATED, ticketId, new TicketEvents.Rated(facts(ticketId, appealId, "RATED"), "SATISFIED"),
                t0.plusSeconds(7200));
        send(TicketEvents.RESOLVED, ticketId, new TicketEvents.Resolved(facts(ticketId, appealId, "RESOLVED"), false,
                true, 3.5, "已更换井盖，联系人13912345678"), t0.plusSeconds(3600));

        eventually(() -> {
            JsonNode appeal = get("/centers/appeals/" + appealId).body();
            assertThat(appeal.get("status").asString()).isEqualTo("RATED");
            assertThat(appeal.get("rating").asString()).isEqualTo("SATISFIED");
            assertThat(appeal.get("resolutionSummary").asString()).isEqualTo("已更换井盖，联系人139****5678");
            assertThat(appeal.get("ticketNo").asString()).isEqualTo("SY-" + ticketId);
        });

        send(TicketEvents.CLOSED, ticketId, new TicketEvents.Closed(facts(ticketId, appealId, "CLOSED"), true),
                t0.plusSeconds(7300));
        eventually(() -> {
            JsonNode item = get("/centers/" + center + "/board").body().get("items").get(0);
            assertThat(item.get("appealId").asString()).isEqualTo(appealId);
            assertThat(item.get("status").asString()).isEqualTo("CLOSED");
            assertThat(item.get("rating").asString()).isEqualTo("SATISFIED");
        });
    }

    @Test
    void ticketsFromOtherChannelsLeaveTheBoardAlone() {
        String center = createCenter(18.2836, 109.4670);
        String appealId = post("/centers/" + center + "/appeals", Map.of("content", "噪音扰民"))
                .body().get("appealId").asString();
        String hotline = "t-" + UUID.randomUUID();
        TicketFacts hotlineFacts = new TicketFacts(hotline, "SY-" + hotline, "HOTLINE_12345", appealId, "TY",
                null, null, "NOISE", null, "RESOLVED", 0, 0, REPORTED_AT, null, null, null, null, null);
        send(TicketEvents.RESOLVED, hotline, new TicketEvents.Resolved(hotlineFacts, false, true, 1, "done"),
                Instant.now());
        // Then a CENTER ticket for the same appeal: once it shows, the hotline one has been consumed before it.
        String ticketId = "t-" + UUID.randomUUID();
        send(TicketEvents.ACCEPTED, hotline, new TicketEvents.Accepted(facts(ticketId, appealId, "ACCEPTED"), false),
                Instant.now());
        eventually(() -> assertThat(get("/centers/appeals/" + appealId).body().get("status").asString())
                .isEqualTo("ACCEPTED"));
        assertThat(get("/centers/appeals/" + appealId).body().get("resolutionSummary").isNull()).isTrue();
    }

    private static TicketFacts facts(String ticketId, String appealId, String status) {
        return new TicketFacts(ticketId, "SY-" + ticketId, "CENTER", appealId, "TY", "SANYAWAN", "G-01", "ROADS",
                "HOUSING", status, 0, 0, REPORTED_AT, null, null, null, null, null);
    }

    /** Every ticket event carries when its ticket was reported (a required field). */
    private static final Instant REPORTED_AT = Instant.parse("2026-11-23T01:00:00Z");

    private <T> void send(EventType<T> type, String key, T payload, Instant time) {
        EventEnvelope envelope = EventEnvelope.create(type, "/onegrid/ticket-service", key, payload,
                UUID.randomUUID().toString(), time);
        try {
            producer.send(new ProducerRecord<>(Topics.TICKET, key, EventCodec.encode(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
