package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    private static final List<String> LOG = List.of(
            "[2026-11-24T08:36:50.343+0000] Using G1",
            "[2026-11-24T08:36:50.690+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 19M->3M(382M) 5.882ms",
            "[2026-11-24T08:38:50.100+0000] GC(7) Pause Young (Concurrent Start) (G1 Evacuation Pause) 483M->246M(572M)"
                    + " 216.659ms",
            "[2026-11-24T08:38:50.400+0000] GC(8) Concurrent Mark Cycle",
            "[2026-11-24T08:38:51.000+0000] GC(8) Pause Remark 300M->300M(572M) 12.500ms",
            "[2026-11-24T08:40:00.000+0000] GC(9) Pause Full (System.gc()) 500M->100M(572M) 340.250ms");

    @Test
    void readsThePausesAndNothingElse() {
        List<GcPauses.Pause> pauses = GcPauses.parse(LOG);

        assertThat(pauses).extracting(GcPauses.Pause::millis).containsExactly(5.882, 216.659, 12.5, 340.25);
        assertThat(pauses.get(1).at()).isEqualTo(Instant.parse("2026-11-24T08:38:50.100Z"));
    }

    @Test
    void eachPauseCountsInThePhaseDuringWhichItStarted() {
        List<Map.Entry<String, Instant>> phases = List.of(
                Map.entry("start", Instant.parse("2026-11-24T08:37:00Z")),
                Map.entry("intake", Instant.parse("2026-11-24T08:38:00Z")),
                Map.entry("freshness", Instant.parse("2026-11-24T08:39:30Z")));
        Map<String, List<GcPauses.Pause>> byProcess = Map.of("launcher", GcPauses.parse(LOG),
                "gateway", List.of());

        var byPhase = GcPauses.byPhase(byProcess, phases);

        // The pause before the first phase's start counts in the first phase.
        assertThat(byPhase.get("start").get("launcher")).isEqualTo(new GcPauses.Summary(1, 5.882, 5.882));
        assertThat(byPhase.get("intake").get("launcher").count()).isEqualTo(2);
        assertThat(byPhase.get("intake").get("launcher").longestMillis()).isEqualTo(216.659);
        assertThat(byPhase.get("intake").get("launcher").totalMillis()).isCloseTo(229.159, Offset.offset(1e-9));
        assertThat(byPhase.get("freshness").get("launcher").longestMillis()).isEqualTo(340.25);
        assertThat(byPhase.get("intake")).doesNotContainKey("gateway");
    }

    @Test
    void noLogOptionForAPathTheLauncherWouldSplit() {
        assertThat(GcPauses.logOption(Path.of("/tmp/bench gc"))).isNull();
        assertThat(GcPauses.logOption(Path.of("/tmp/bench-gc")))
                .isEqualTo("-Xlog:gc:file=/tmp/bench-gc/gc-%p.log:time");
    }
}
