package org.onegrid.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.partner.PartnerEvents;
import org.onegrid.events.talent.TalentEvents;
import org.onegrid.events.ticket.TicketEvents;
import org.onegrid.events.ticket.TicketFacts;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final CenterEvents.AppealSubmitted appeal = new CenterEvents.AppealSubmitted("ap-1", "c-1",
            "三亚湾党群服务中心", "TY", "TY-SYW", "noise", "夜间施工噪音", 18.27, 109.48, "r-9", NOW);

    @Test
    void roundTripsAnEnvelopeWithItsPayload() {
        EventEnvelope sent = EventEnvelope.create(CenterEvents.APPEAL_SUBMITTED, "/onegrid/test", "ap-1", appeal,
                "req-1", NOW);

        EventEnvelope received = EventCodec.decode(EventCodec.encode(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(received.specversion()).isEqualTo("1.0");
        assertThat(EventCodec.payload(received, CenterEvents.APPEAL_SUBMITTED)).isEqualTo(appeal);
        assertThat(EventCodec.encode(sent)).contains("\"time\":\"2026-11-23T02:00:00Z\"");
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> EventCodec.decode("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"id\":\"1\"}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void refusesAPayloadThatDoesNotMatchItsType() {
        String json = EventCodec.encode(EventEnvelope.create(CenterEvents.APPEAL_SUBMITTED, "/t", "ap-1", appeal,
                null, NOW)).replace("\"lat\":18.27", "\"lat\":{\"$gt\":\"\"}");

        EventEnvelope envelope = EventCodec.decode(json);

        assertThatThrownBy(() -> EventCodec.payload(envelope, CenterEvents.APPEAL_SUBMITTED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("does not match");
    }

    @Test
    void refusesAKnownTypeWithAnEmptyPayload() {
        EventEnvelope empty = envelope(TalentEvents.STAY_STARTED.type(), "{}");

        assertThatThrownBy(() -> EventCodec.payload(empty, TalentEvents.STAY_STARTED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("lacks required field talentId");
    }

    @Test
    void refusesAPayloadMissingARequiredFieldOfANestedRecordOrAFlag() {
        EventEnvelope noTicketId = envelope(TicketEvents.REPORTED.type(),
                "{\"ticket\":{\"channel\":\"GRID_APP\",\"categoryCode\":\"other\",\"status\":\"REPORTED\","
                        + "\"escalationLevel\":0,\"reopenCount\":0,\"reportedAt\":\"2026-11-23T02:00:00Z\"}}");
        assertThatThrownBy(() -> EventCodec.payload(noTicketId, TicketEvents.REPORTED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ticket.ticketId");

        String facts = "{\"ticketId\":\"t-1\",\"channel\":\"GRID_APP\",\"categoryCode\":\"other\","
                + "\"status\":\"ACCEPTED\",\"escalationLevel\":0,\"reopenCount\":0,"
                + "\"reportedAt\":\"2026-11-23T02:00:00Z\"}";
        // A missing boolean would otherwise be read as false.
        assertThatThrownBy(() -> EventCodec.payload(envelope(TicketEvents.ACCEPTED.type(), "{\"ticket\":" + facts
                + "}"), TicketEvents.ACCEPTED)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("likelyDuplicate");
        // Optional fields (no ticket number, district, deadlines yet) may be absent.
        assertThat(EventCodec.payload(envelope(TicketEvents.ACCEPTED.type(), "{\"ticket\":" + facts
                + ",\"likelyDuplicate\":false}"), TicketEvents.ACCEPTED).ticket().ticketNo()).isNull();
    }

    @Test
    void acceptsWhatProducersSendWithTheirOptionalFieldsNull() {
        var appealWithoutPlace = new CenterEvents.AppealSubmitted("ap-2", "c-1", null, "TY", null, null, "路灯不亮",
                null, null, null, NOW);
        var stay = new TalentEvents.StayStarted("t-1", "s-1", "EXPERT", null, "TY", "2026-11-01", null,
                List.of("2026-11"));
        var facts = new TicketFacts("t-1", null, "GRID_APP", null, null, null, null, "other", null, "REPORTED", 0, 0,
                NOW, null, null, null, null, null);

        assertThat(roundTrip(CenterEvents.APPEAL_SUBMITTED, appealWithoutPlace)).isEqualTo(appealWithoutPlace);
        assertThat(roundTrip(TalentEvents.STAY_STARTED, stay)).isEqualTo(stay);
        assertThat(roundTrip(TicketEvents.REPORTED, new TicketEvents.Reported(facts)).ticket()).isEqualTo(facts);
    }

    @Test
    void aSchemaViolationIsExplainedWithoutNamingInternalExceptions() {
        EventEnvelope garbled = envelope(PartnerEvents.VIDEO_INCIDENT.type(), "{\"cameraId\":\"C1\",\"lat\":18.2,"
                + "\"lon\":109.5,\"incidentKind\":\"other\",\"detectedAt\":\"0000-13-45\"}");

        assertThatThrownBy(() -> EventCodec.payload(garbled, PartnerEvents.VIDEO_INCIDENT))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("0000-13-45")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
    }

    @Test
    void aRecordThatChecksItsOwnSchemaGivesItsOwnReason() {
        EventEnvelope noCamera = envelope(PartnerEvents.VIDEO_INCIDENT.type(), "{\"lat\":18.2,\"lon\":109.5,"
                + "\"incidentKind\":\"other\",\"detectedAt\":\"2026-11-23T01:30:00Z\"}");

        assertThatThrownBy(() -> EventCodec.payload(noCamera, PartnerEvents.VIDEO_INCIDENT))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("payload of onegrid.partner.video-incident.v1 does not match its schema: "
                        + "cameraId is required (lacks required field cameraId)");
    }

    private static <T> T roundTrip(EventType<T> type, T payload) {
        return EventCodec.payload(EventCodec.decode(EventCodec.encode(EventEnvelope.create(type, "/t", "s", payload,
                null, NOW))), type);
    }

    private static EventEnvelope envelope(String type, String data) {
        return EventCodec.decode("{\"id\":\"e-1\",\"source\":\"/t\",\"specversion\":\"1.0\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-23T02:00:00Z\",\"data\":" + data + "}");
    }

    @Test
    void typeNamesAreVersioned() {
        assertThat(EventCatalog.all()).allSatisfy(t -> assertThat(t.type()).matches("onegrid\\.[a-z]+\\.[a-z-]+\\.v\\d+"));
        assertThatThrownBy(() -> EventType.of("ticket.created", Topics.TICKET, CenterEvents.AppealSubmitted.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
