package org.onegrid.center.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TravelModelTest {

    private final TravelModel model = TravelModel.DEFAULT;

    @Test
    void fifteenMinutesOnFootReachAboutNineHundredSixtyMetresAsTheCrowFlies() {
        // 5 km/h × 15 min = 1 250 m of street; ÷ 1.3 detour = 961.5 m great-circle.
        assertThat(model.reachMetres(15, TravelMode.WALK)).isCloseTo(961.54, within(0.01));
        assertThat(model.reachMetres(15, TravelMode.RIDE)).isCloseTo(2884.62, within(0.01));
    }

    @Test
    void etaAppliesTheDetourFactorAndTheSpeed() {
        // 1 000 m × 1.3 = 1 300 m at 83.33 m/min = 15.6 min on foot; at 250 m/min = 5.2 min riding.
        assertThat(model.minutes(1000, TravelMode.WALK)).isCloseTo(15.6, within(1e-9));
        assertThat(model.minutes(1000, TravelMode.RIDE)).isCloseTo(5.2, within(1e-9));
    }

    @Test
    void aDetourFactorBelowOneIsRejected() {
        assertThatThrownBy(() -> new TravelModel(5, 15, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }
}
