package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CpuPerRequestTest {

    private final Map<Long, Long> ticks = new HashMap<>(Map.of(1L, 1_000L, 2L, 5_000L));
    private final CpuPerRequest cpu = new CpuPerRequest(Map.of("gateway", 1L, "ticket-service", 2L), ticks::get);

    @Test
    void dividesWhatEachProcessUsedAcrossTheStepsByTheAnswers() {
        var before = cpu.snapshot();
        ticks.put(1L, 1_100L); // 1 s of gateway
        ticks.put(2L, 5_250L); // 2.5 s of ticket-service
        cpu.add("hotline", 50, before, cpu.snapshot(), 10, 400);
        before = cpu.snapshot();
        ticks.put(1L, 1_200L);
        ticks.put(2L, 5_500L);
        cpu.add("hotline", 100, before, cpu.snapshot(), 10, 600);

        // 2 s and 5 s over 1,000 answers, the larger first.
        assertThat(cpu.perRequestMs("hotline")).containsExactly(Map.entry("ticket-service", 5.0),
                Map.entry("gateway", 2.0));
        assertThat(cpu.totalMs("hotline")).isCloseTo(7.0, Offset.offset(1e-9));
        assertThat(cpu.answered("hotline")).isEqualTo(1_000);
    }

    @Test
    void keepsTargetsApartAndReportsNothingForATargetWithoutAnswers() {
        var before = cpu.snapshot();
        ticks.put(2L, 5_100L);
        cpu.add("liveness", 100, before, cpu.snapshot(), 10, 1_000);
        cpu.add("hotline", 100, cpu.snapshot(), cpu.snapshot(), 10, 0);

        assertThat(cpu.perRequestMs("liveness")).containsEntry("ticket-service", 1.0).containsEntry("gateway", 0.0);
        assertThat(cpu.perRequestMs("hotline")).isEmpty();
        assertThat(cpu.perRequestMs("never run")).isEmpty();
    }

    @Test
    void whatTheIdleStackUsesInAsLongIsNotChargedToTheRequests() {
        var before = cpu.snapshot();
        ticks.put(1L, 1_010L); // the gateway idles at 20 ms/s
        ticks.put(2L, 5_020L); // ticket-service at 40 ms/s
        cpu.idle(before, cpu.snapshot(), 5);
        assertThat(cpu.idleMsPerSecond()).containsEntry("gateway", 20.0).containsEntry("ticket-service", 40.0);

        before = cpu.snapshot();
        ticks.put(1L, 1_010L + 20 + 100); // 10 s: 0.2 s idle + 1 s of requests
        ticks.put(2L, 5_020L + 40 + 300); // 10 s: 0.4 s idle + 3 s of requests
        cpu.add("hotline", 100, before, cpu.snapshot(), 10, 1_000);

        assertThat(cpu.perRequestMs("hotline")).containsEntry("gateway", 1.0).containsEntry("ticket-service", 3.0);
    }

    @Test
    void twoTargetsCompareOverTheRatesBothWereMeasuredAt() {
        var before = cpu.snapshot();
        ticks.put(2L, 5_000L + 400); // 4 s over 1,000 answers at 100/s: 4 ms each
        cpu.add("gateway", 100, before, cpu.snapshot(), 10, 1_000);
        before = cpu.snapshot();
        ticks.put(2L, 5_400L + 300); // 3 s over 1,000 at 100/s: 3 ms each
        cpu.add("direct", 100, before, cpu.snapshot(), 10, 1_000);
        before = cpu.snapshot();
        ticks.put(2L, 5_700L + 400); // 4 s over 2,000 at 200/s: 2 ms each, cheaper at the higher rate
        cpu.add("direct", 200, before, cpu.snapshot(), 10, 2_000);

        assertThat(cpu.commonRates("gateway", "direct")).containsExactly(100);
        var common = cpu.commonRates("gateway", "direct");
        assertThat(cpu.totalMs("direct", common)).isCloseTo(3.0, Offset.offset(1e-9));
        assertThat(cpu.totalMs("gateway", common)).isCloseTo(4.0, Offset.offset(1e-9));
        // Over all its steps direct looks cheaper than it is at the gateway's rates.
        assertThat(cpu.totalMs("direct")).isCloseTo(7.0 / 3, Offset.offset(1e-9));
        assertThat(cpu.answered("direct", common)).isEqualTo(1_000);
    }

    @Test
    void theCpuBoundIsTheCoresOverTheCostOfOneRequest() {
        assertThat(CpuPerRequest.cpuBound(10, 2)).isEqualTo(200);
        assertThat(CpuPerRequest.cpuBound(2, 2)).isEqualTo(1_000);
        assertThat(CpuPerRequest.cpuBound(0, 2)).isZero();
    }
}
