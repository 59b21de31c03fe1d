package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onegrid.events.center.CenterEvents;

class CenterFiguresTest {

    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void wishesAreACohortOfThePostedOnesJoinedByWishId() {
        var posted = List.of(posted("w1", "TY", T), posted("w2", "TY", T), posted("w3", "TY", T),
                posted("w4", "HT", T), posted("w5", "TY", T.minusSeconds(90L * 86400)));
        var claimed = List.of(claimed("w1", T.plusSeconds(3600)), claimed("w2", T.plusSeconds(5400)),
                claimed("w9", T), claimed("w5", T));
        var fulfilled = List.of(fulfilled("w1"), fulfilled("w9"));
        var events = new CenterFigures.Events(List.of(), List.of(), List.of(), List.of(), posted, claimed, fulfilled,
                List.of(), List.of());

        var wishes = CenterFigures.wishes(events, new Scope("TY", LocalDate.of(2026, 3, 1), null));

        assertThat(wishes.posted()).isEqualTo(3);
        assertThat(wishes.claimed()).isEqualTo(2);
        assertThat(wishes.fulfilled()).isEqualTo(1);
        assertThat(wishes.fulfilmentRate()).isEqualByComparingTo("33.33");
        assertThat(wishes.meanHoursToClaim()).isEqualByComparingTo("1.25");
    }

    @Test
    void theLatestRegistrationGivesTheCentresPosition() {
        var old = registered("C1", 18.0, T);
        var moved = registered("C1", 18.5, T.plusSeconds(60));
        assertThat(CenterFigures.positions(List.of(moved, old))).singleElement()
                .satisfies(c -> assertThat(c.lat()).isEqualTo(18.5));
    }

    static CenterEvents.CenterRegistered registered(String id, double lat, Instant at) {
        return new CenterEvents.CenterRegistered(id, "c", "COMMUNITY", "TY", "TY-X", lat, 109.5, List.of(), "24/7", at);
    }

    private static CenterEvents.WishPosted posted(String id, String district, Instant at) {
        return new CenterEvents.WishPosted(id, "b1", "C1", district, "TY-X", "study", 100, at);
    }

    private static CenterEvents.WishClaimed claimed(String id, Instant at) {
        return new CenterEvents.WishClaimed(id, "b1", "C1", "TY", "TY-X", "VOLUNTEER", at);
    }

    private static CenterEvents.WishFulfilled fulfilled(String id) {
        return new CenterEvents.WishFulfilled(id, "b1", "C1", "TY", "TY-X", T.plusSeconds(86400));
    }
}
