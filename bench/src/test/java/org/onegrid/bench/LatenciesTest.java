package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentiles() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 95)).isEqualTo(95);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(new long[]{7}, 99)).isEqualTo(7);
        assertThat(Latencies.percentile(new long[]{1, 2, 3}, 50)).isEqualTo(2);
        assertThatThrownBy(() -> Latencies.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryIsInMillisecondsWhateverTheOrderOfArrival() {
        Latencies l = new Latencies();
        for (int i = 2000; i >= 1; i--) {
            l.add(i * 1_000_000L);
        }
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(2000);
        assertThat(s.p50()).isEqualTo(1000.0);
        assertThat(s.p95()).isEqualTo(1900.0);
        assertThat(s.p99()).isEqualTo(1980.0);
        assertThat(s.max()).isEqualTo(2000.0);
        assertThat(new Latencies().summary().count()).isZero();
    }

    @Test
    void aStepHoldsOnlyWithinLatencyErrorAndRateBounds() {
        var fast = new Latencies.Summary(1000, 2, 5, 20, 40);
        var slow = new Latencies.Summary(1000, 2, 50, 150, 400);
        assertThat(new OpenLoad.Step("t", 100, 10, 1000, 1000, 0, java.util.Map.of(), 100, fast).sustained(100, 1)).isTrue();
        assertThat(new OpenLoad.Step("t", 100, 10, 1000, 1000, 0, java.util.Map.of(), 100, slow).sustained(100, 1)).isFalse();
        assertThat(new OpenLoad.Step("t", 100, 10, 1000, 980, 20, java.util.Map.of("HTTP 500", 20), 98, fast)
                .sustained(100, 1)).isFalse();
        assertThat(new OpenLoad.Step("t", 100, 10, 1000, 1000, 0, java.util.Map.of(), 80, fast).sustained(100, 1)).isFalse();
    }
}
