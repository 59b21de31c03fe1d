package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class CoverageGapsTest {

    @Test
    void aFifteenMinuteWalkReachesAbout962MetresInAStraightLine() {
        assertThat(CoverageGaps.reachMetres()).isCloseTo(961.54, within(0.01));
        assertThat(CoverageGaps.walkMinutes(CoverageGaps.reachMetres())).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // One hundredth of a degree of latitude is about 1.112 km anywhere.
        assertThat(CoverageGaps.haversineMetres(18.25, 109.50, 18.26, 109.50)).isCloseTo(1111.95, within(0.5));
    }

    @Test
    void aPointIsAGapWhenNoCentreIsWithinAFifteenMinuteWalk() {
        var near = new CoverageGaps.SamplePoint("P1", "near", "TY", 18.2600, 109.5030);
        var far = new CoverageGaps.SamplePoint("P2", "far", "TY", 18.3290, 109.4190);
        var centre = new CoverageGaps.CenterPosition("C1", "centre", "COMMUNITY", "TY", 18.2680, 109.5030);

        var gaps = CoverageGaps.gaps(List.of(near, far), List.of(centre));

        assertThat(gaps).extracting(g -> g.point().code()).containsExactly("P2");
        assertThat(gaps.get(0).nearestCenterId()).isEqualTo("C1");
        assertThat(gaps.get(0).nearestMinutes().doubleValue()).isGreaterThan(15);
        assertThat(CoverageGaps.gaps(List.of(near), List.of())).hasSize(1)
                .allSatisfy(g -> assertThat(g.nearestMinutes()).isNull());
    }
}
