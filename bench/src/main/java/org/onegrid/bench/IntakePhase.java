package org.onegrid.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase 1: signed 12345 cases at rising rates through the gateway, the same cases straight to ticket-service, and
 * a trivial endpoint of ticket-service (liveness: same framework, same JVM, no database) for the ceiling. At each
 * rate every target still running runs once, one after the other, so all three see the same store size. A step
 * holds when p99 ≤ 100 ms (issue 10's bound), errors ≤ 1 % and the answers keep up with the rate; the highest such
 * step is the target's sustained rate. A target keeps stepping while it holds the looser capacity bound (p99 ≤ 1 s),
 * so that a busy machine still yields a capacity and ratios.
 */
final class IntakePhase {

    static final double MAX_P99_MS = 100;
    static final double MAX_ERROR_PERCENT = 1;
    /** The looser bound a target keeps stepping under, so a busy machine still gives a capacity and ratios. */
    static final double CAPACITY_P99_MS = 1000;
    static final String GATEWAY = "hotline via gateway";
    static final String DIRECT = "hotline direct to ticket-service";
    static final String TRIVIAL = "liveness (trivial) on ticket-service";

    /**
     * The highest step each target held within the target's bound (p99 ≤ 100 ms) and within the capacity bound
     * (p99 ≤ 1 s), whether each bound broke within the steps, and every step run.
     */
    record Outcome(Map<String, OpenLoad.Step> best, Map<String, Boolean> brokeWithinSteps,
                   Map<String, OpenLoad.Step> capacity, Map<String, Boolean> capacityBroke, List<OpenLoad.Step> steps) {
        int peak(String target) {
            OpenLoad.Step s = best.get(target);
            return s == null ? 0 : s.rate();
        }

        int capacityPeak(String target) {
            OpenLoad.Step s = capacity.get(target);
            return s == null ? 0 : s.rate();
        }
    }

    private final Api api;
    private final BenchOptions options;
    private final String run;
    private final CpuPerRequest cpu;

    IntakePhase(Api api, BenchOptions options, String run, CpuPerRequest cpu) {
        this.api = api;
        this.options = options;
        this.run = run;
        this.cpu = cpu;
    }

    Outcome run(Results results) {
        OpenLoad load = new OpenLoad(OpenLoad.client(), 4000);
        Map<String, OpenLoad.Step> best = new LinkedHashMap<>();
        Map<String, Boolean> broke = new LinkedHashMap<>();
        Map<String, OpenLoad.Step> capacity = new LinkedHashMap<>();
        Map<String, Boolean> capacityBroke = new LinkedHashMap<>();
        List<String> holding = new ArrayList<>(List.of(TRIVIAL, DIRECT, GATEWAY));
        holding.forEach(t -> broke.put(t, false));
        holding.forEach(t -> capacityBroke.put(t, false));
        List<OpenLoad.Step> steps = new ArrayList<>();
        Duration duration = Duration.ofSeconds(options.stepSeconds());
        // Unmeasured load first, so that the steps measure compiled code, not class loading and the JIT at work.
        warmUp(load);
        measureIdle();
        for (int rate : options.steps()) {
            for (String target : List.copyOf(holding)) {
                Map<String, Long> cpuBefore = cpu.snapshot();
                long stepStarted = System.nanoTime();
                OpenLoad.Step step = load.run(target, rate, duration, n -> request(target, rate, n), null);
                steps.add(step);
                boolean held = step.sustained(MAX_P99_MS, MAX_ERROR_PERCENT);
                System.out.printf("  intake %-38s %5d/s: %6.0f/s ok, p50 %7.1f p95 %7.1f p99 %7.1f ms, errors %d %s → %s%n",
                        target, rate, step.achieved(), step.latency().p50(), step.latency().p95(), step.latency().p99(),
                        step.errors(), step.errorKinds().isEmpty() ? "" : step.errorKinds(),
                        step.why(MAX_P99_MS, MAX_ERROR_PERCENT));
                if (held && !broke.get(target)) {
                    best.put(target, step);
                } else {
                    broke.put(target, true);
                }
                boolean withinCapacity = step.sustained(CAPACITY_P99_MS, MAX_ERROR_PERCENT);
                if (withinCapacity) {
                    capacity.put(target, step);
                } else {
                    holding.remove(target);
                    capacityBroke.put(target, true);
                }
                // The pause belongs to the step: the relay and the consumers finish its cases' events in it.
                pause(2000);
                if (withinCapacity) {
                    // An overloaded step's CPU also goes to requests that time out: not the cost of an answer.
                    cpu.add(target, rate, cpuBefore, cpu.snapshot(), (System.nanoTime() - stepStarted) / 1e9,
                            step.ok());
                }
            }
            if (holding.isEmpty()) {
                break;
            }
        }
        Outcome outcome = new Outcome(best, broke, capacity, capacityBroke, steps);
        report(outcome, results);
        return outcome;
    }

    /** The stack's CPU with nothing to do, after the warm-up's events have settled: subtracted from every step. */
    private void measureIdle() {
        pause(3000);
        Map<String, Long> before = cpu.snapshot();
        long started = System.nanoTime();
        pause(5000);
        cpu.idle(before, cpu.snapshot(), (System.nanoTime() - started) / 1e9);
    }

    private HttpRequest.Builder request(String target, int rate, long n) {
        return switch (target) {
            case TRIVIAL -> HttpRequest.newBuilder(URI.create(api.ticket("/actuator/health/liveness"))).GET();
            case DIRECT -> api.hotlineCase(false, new HotlineCases(run + "-d" + rate).located(n));
            default -> api.hotlineCase(true, new HotlineCases(run + "-g" + rate).located(n));
        };
    }

    private void warmUp(OpenLoad load) {
        int rate = Math.min(100, options.steps().get(0));
        Duration d = Duration.ofSeconds(options.warmUpSeconds());
        load.run(TRIVIAL, rate, d, n -> request(TRIVIAL, rate, n), null);
        load.run(DIRECT, rate, d, n -> api.hotlineCase(false, new HotlineCases(run + "-wd").located(n)), null);
        load.run(GATEWAY, rate, d, n -> api.hotlineCase(true, new HotlineCases(run + "-wg").located(n)), null);
        pause(2000);
    }

    private void report(Outcome o, Results results) {
        List<Map<String, Object>> detail = new ArrayList<>();
        for (OpenLoad.Step s : o.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", s.target());
            m.put("offeredPerSecond", s.rate());
            m.put("seconds", s.seconds());
            m.put("offered", s.offered());
            m.put("ok", s.ok());
            m.put("achievedPerSecond", Math.round(s.achieved()));
            m.put("errors", s.errors());
            m.put("errorKinds", s.errorKinds());
            m.put("p50ms", s.latency().p50());
            m.put("p95ms", s.latency().p95());
            m.put("p99ms", s.latency().p99());
            m.put("maxms", s.latency().max());
            m.put("held", s.sustained(MAX_P99_MS, MAX_ERROR_PERCENT));
            m.put("heldCapacity", s.sustained(CAPACITY_P99_MS, MAX_ERROR_PERCENT));
            detail.add(m);
        }
        results.detail("intakeSteps", detail);
        int top = options.steps().get(options.steps().size() - 1);
        for (String target : List.of(GATEWAY, DIRECT, TRIVIAL)) {
            OpenLoad.Step s = o.best().get(target);
            String bound = o.brokeWithinSteps().get(target) ? "" : "≥ ";
            String figure = s == null ? "none held (lowest step " + options.steps().get(0) + "/s broke)"
                    : String.format("%s%d/s: p50 %.1f, p95 %.1f, p99 %.1f ms, errors %d of %d", bound, s.rate(),
                    s.latency().p50(), s.latency().p95(), s.latency().p99(), s.errors(), s.offered());
            String target1 = target.equals(GATEWAY) ? "≥ 1000/s, p99 ≤ 100 ms" : null;
            Boolean met = target.equals(GATEWAY) ? (s != null && s.rate() >= 1000) : null;
            String note = o.brokeWithinSteps().get(target) ? "next step broke: " + nextStepWhy(o, target)
                    : "did not break up to the top step (" + top + "/s)";
            results.add("intake", "sustained " + target, figure, target1, met, note);
        }
        for (String target : List.of(GATEWAY, DIRECT, TRIVIAL)) {
            OpenLoad.Step s = o.capacity().get(target);
            String bound = o.capacityBroke().get(target) ? "" : "≥ ";
            String figure = s == null ? "none held"
                    : String.format("%s%d/s: p50 %.1f, p95 %.1f, p99 %.1f ms, errors %d of %d", bound, s.rate(),
                    s.latency().p50(), s.latency().p95(), s.latency().p99(), s.errors(), s.offered());
            results.add("intake", "capacity " + target + " (p99 ≤ 1 s)", figure, null, null,
                    o.capacityBroke().get(target) ? "next step broke: " + capacityWhy(o, target) : "top step held");
        }
        reportCpu(results);
        int gw = o.peak(GATEWAY);
        int direct = o.peak(DIRECT);
        int trivial = o.peak(TRIVIAL);
        boolean directHeldAll = !o.brokeWithinSteps().get(DIRECT);
        results.add("intake", "gateway ÷ direct (highest steps held, p99 ≤ 100 ms)", ratio(gw, direct), "≥ 60 %",
                direct == 0 || (directHeldAll && gw >= 0.6 * direct) ? null : gw >= 0.6 * direct,
                "steps are coarse: the ratio is of the highest steps held");
        results.add("intake", "gateway ÷ trivial endpoint (p99 ≤ 100 ms)", ratio(gw, trivial), null, null,
                o.brokeWithinSteps().get(TRIVIAL) ? "" : "the trivial endpoint did not break: its ceiling is higher");
        int gwCap = o.capacityPeak(GATEWAY);
        int directCap = o.capacityPeak(DIRECT);
        int trivialCap = o.capacityPeak(TRIVIAL);
        boolean directBroke = o.capacityBroke().get(DIRECT);
        results.add("intake", "gateway ÷ direct (capacity, p99 ≤ 1 s)", ratio(gwCap, directCap), "≥ 60 %",
                directCap == 0 || (!directBroke && gwCap >= 0.6 * directCap) ? null : gwCap >= 0.6 * directCap,
                directBroke ? "" : "direct did not break: its capacity, and so the ratio, is not known");
        results.add("intake", "gateway ÷ trivial endpoint (capacity, p99 ≤ 1 s)", ratio(gwCap, trivialCap), null, null,
                o.capacityBroke().get(TRIVIAL) ? "" : "the trivial endpoint did not break: its ceiling is higher");
    }

    private void reportCpu(Results results) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Map<String, Object>> detail = new ArrayList<>();
        for (String target : List.of(GATEWAY, DIRECT, TRIVIAL)) {
            Map<String, Double> ms = cpu.perRequestMs(target);
            if (ms.isEmpty()) {
                continue;
            }
            double total = cpu.totalMs(target);
            StringBuilder parts = new StringBuilder();
            ms.entrySet().stream().limit(4).forEach(e -> parts.append(parts.isEmpty() ? "" : ", ")
                    .append(String.format("%s %.2f", e.getKey(), e.getValue())));
            double bound = CpuPerRequest.cpuBound(total, cores);
            results.add("intake", "stack CPU per answered request, " + target,
                    String.format("%.2f ms: %s", total, parts), null, null,
                    String.format("over %,d answers in the steps within the 1 s bound (%s/s), the idle stack's "
                            + "%.0f ms/s taken off; CPU alone would allow about %,.0f/s on %d cores",
                            cpu.answered(target), cpu.commonRates(target),
                            cpu.idleMsPerSecond().values().stream().mapToDouble(Double::doubleValue).sum(), bound,
                            cores));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", target);
            m.put("answered", cpu.answered(target));
            m.put("msPerRequest", ms);
            m.put("totalMs", total);
            m.put("cpuBoundPerSecond", Math.round(bound));
            m.put("idleMsPerSecond", cpu.idleMsPerSecond());
            detail.add(m);
        }
        results.detail("intakeCpu", detail);
        // Over the rates both ran within the 1 s bound only: a request costs less at higher rates.
        Set<Integer> rates = cpu.commonRates(GATEWAY, DIRECT);
        double gateway = cpu.totalMs(GATEWAY, rates);
        double direct = cpu.totalMs(DIRECT, rates);
        if (gateway > 0 && direct > 0) {
            // The ratio of the rates the CPU would allow: unlike the steps', it is not rounded to a whole step.
            results.add("intake", "gateway ÷ direct (by CPU per answered request)",
                    String.format("%.0f %% (%.2f of %.2f ms)", direct * 100 / gateway, direct, gateway), "≥ 60 %",
                    direct / gateway >= 0.6, String.format("at the steps both held within 1 s (%s/s); the rates the "
                            + "CPU would allow: %,.0f/s of %,.0f/s", rates, CpuPerRequest.cpuBound(gateway, cores),
                            CpuPerRequest.cpuBound(direct, cores)));
        }
    }

    private static String nextStepWhy(Outcome o, String target) {
        return o.steps().stream().filter(s -> s.target().equals(target) && !s.sustained(MAX_P99_MS, MAX_ERROR_PERCENT))
                .findFirst().map(s -> String.format("%d/s → %s (%.0f/s 2xx, p50 %.0f, p99 %.0f ms)", s.rate(),
                        s.why(MAX_P99_MS, MAX_ERROR_PERCENT), s.achieved(), s.latency().p50(), s.latency().p99()))
                .orElse("");
    }

    private static String capacityWhy(Outcome o, String target) {
        return o.steps().stream().filter(s -> s.target().equals(target)
                        && !s.sustained(CAPACITY_P99_MS, MAX_ERROR_PERCENT))
                .findFirst().map(s -> String.format("%d/s → %s (%.0f/s 2xx, p50 %.0f, p99 %.0f ms)", s.rate(),
                        s.why(CAPACITY_P99_MS, MAX_ERROR_PERCENT), s.achieved(), s.latency().p50(), s.latency().p99()))
                .orElse("");
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format("%d %% (%d/s of %d/s)", Math.round(a * 100.0 / b), a, b);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
