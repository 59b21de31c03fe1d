package org.onegrid.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.onegrid.events.center.CenterEvents;

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
    void typeNamesAreVersioned() {
        assertThat(EventCatalog.all()).allSatisfy(t -> assertThat(t.type()).matches("onegrid\\.[a-z]+\\.[a-z-]+\\.v\\d+"));
        assertThatThrownBy(() -> EventType.of("ticket.created", Topics.TICKET, CenterEvents.AppealSubmitted.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
