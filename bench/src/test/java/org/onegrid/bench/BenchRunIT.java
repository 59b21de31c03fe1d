package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench's one command, end to end at a tiny scale on the packaged stack (port offset 300): each phase still yields
 * its figures from what it really did. The figures themselves mean nothing at this scale and on a machine busy with a
 * build, so none is judged against a target here; the full run is {@code bench/run.sh}.
 */
class BenchRunIT {

    private static final int EVENTS = 3_000;
    private static final int STORE_TICKETS = 2_000;

    @Test
    void oneRunMeasuresEveryPhaseAndWritesItsResults(@TempDir Path out) throws Exception {
        Path root = Path.of(System.getProperty("onegrid.root", "..")).toAbsolutePath().normalize();
        BenchOptions options = BenchOptions.parse("--root", root.toString(), "--out", out.toString(),
                "--port-offset", "300", "--service-jvm", "local", "--mongo", "memory", "--launcher-heap", "1g",
                "--warm-up-seconds", "2", "--steps", "10,20", "--step-seconds", "2",
                "--freshness-rates", "10", "--freshness-seconds", "3", "--catch-up-seconds", "30",
                "--store-tickets", String.valueOf(STORE_TICKETS), "--seed-seconds", "60",
                "--query-samples", "5", "--query-budget-seconds", "20",
                "--events", String.valueOf(EVENTS), "--events-per-ticket", "3", "--live-seconds", "90",
                "--rebuild-seconds", "90");

        Path json = Bench.run(options);

        JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(strings(doc.path("notes")))
                .noneMatch(n -> n.contains("failed") || n.contains("aborted") || n.contains("died"));
        assertThat(doc.path("machine").path("cores").asInt()).isPositive();
        assertThat(doc.path("versions").path("spring-boot").asString()).isNotBlank();
        assertThat(doc.path("parameters").path("replayEvents").asInt()).isEqualTo(EVENTS);
        JsonNode details = doc.path("details");

        // Intake: every step of the three targets was offered, and the stack answered at least one request of each.
        List<JsonNode> steps = list(details.path("intakeSteps"));
        assertThat(steps).hasSize(3 * 2);
        assertThat(steps).extracting(s -> s.path("target").asString()).containsOnly(IntakePhase.GATEWAY,
                IntakePhase.DIRECT, IntakePhase.TRIVIAL);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.path("offered").asInt()).isPositive();
            assertThat(s.path("ok").asInt()).isPositive();
            assertThat(s.path("p99ms").asDouble()).isGreaterThanOrEqualTo(s.path("p50ms").asDouble()).isPositive();
        });
        assertThat(rows(doc, "intake")).extracting(r -> r.path("what").asString())
                .contains("sustained " + IntakePhase.GATEWAY, "gateway ÷ direct (by CPU per answered request)");

        // Freshness: each case the stack acknowledged was seen in analytics' figures, with its delay measured.
        List<JsonNode> freshness = list(details.path("freshness"));
        assertThat(freshness).extracting(f -> f.path("rate").asInt()).contains(10);
        assertThat(freshness).allSatisfy(f -> {
            assertThat(f.path("acked").asInt()).isPositive();
            assertThat(f.path("seen").asInt()).isEqualTo(f.path("acked").asInt());
            assertThat(f.path("freshnessMs").path("count").asInt()).isEqualTo(f.path("seen").asInt());
        });

        // List: the seeded tickets were in the store while the filtered list was measured, then removed again.
        JsonNode list = details.path("ticketList");
        assertThat(list.path("written").asInt()).isEqualTo(STORE_TICKETS);
        assertThat(list.path("stored").asLong()).isGreaterThanOrEqualTo(STORE_TICKETS);
        assertThat(list.path("query").path("latency").path("count").asInt()).isEqualTo(5);
        assertThat(list.path("removed").asLong()).isEqualTo(STORE_TICKETS);

        // Replay: analytics applied every produced event live, then rebuilt its views from all of them, and the
        // plain consumer read at least as many.
        JsonNode replay = details.path("replay");
        assertThat(replay.path("tickets").asInt()).isEqualTo(EVENTS / 3);
        assertThat(replay.path("liveLagAtEnd").asLong()).isZero();
        assertThat(replay.path("liveApplied").asLong()).isGreaterThanOrEqualTo(EVENTS);
        assertThat(replay.path("rawRecords").asDouble()).isGreaterThanOrEqualTo(EVENTS);
        JsonNode rebuild = replay.path("rebuild");
        assertThat(rebuild.path("state").asString()).isEqualTo("DONE");
        assertThat(rebuild.path("processed").asLong()).isEqualTo(rebuild.path("total").asLong())
                .isGreaterThanOrEqualTo(EVENTS);
        assertThat(rows(doc, "replay")).extracting(r -> r.path("what").asString()).contains("rebuild ÷ raw consume");

        // Dashboard: every view answered each sample, over at least the replay's tickets.
        JsonNode dashboard = details.path("dashboard");
        assertThat(dashboard.path("analyticsTickets").asLong()).isGreaterThanOrEqualTo(EVENTS / 3);
        for (String view : QueryPhase.DASHBOARD) {
            assertThat(dashboard.path(view).path("ok").asInt()).as(view).isEqualTo(5);
        }

        // Memory: the launcher and the five services, each sampled at rest and at its peak.
        JsonNode memory = details.path("memory");
        String launcher = "launcher (broker + database)";
        assertThat(memory.propertyNames()).contains(launcher, "gateway", "ticket-service", "talent-service",
                "service-center-service", "analytics-service");
        for (String process : List.of(launcher, "gateway", "ticket-service", "analytics-service")) {
            JsonNode usage = memory.path(process);
            assertThat(usage.path("restKb").asLong()).as(process).isPositive();
            assertThat(usage.path("peakKb").asLong()).as(process).isGreaterThanOrEqualTo(usage.path("restKb").asLong());
        }

        // The Markdown table holds the same rows.
        String markdown = Files.readString(json.resolveSibling("bench-results.md"));
        for (JsonNode row : list(doc.path("rows"))) {
            assertThat(markdown).contains(row.path("what").asString());
        }
    }

    private static List<JsonNode> rows(JsonNode doc, String phase) {
        return list(doc.path("rows")).stream().filter(r -> r.path("phase").asString().equals(phase)).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(n -> all.add(n.asString()));
        return all;
    }
}
