package org.onegrid.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What one answered request costs the machine: the CPU time each process of the stack used during an intake target's
 * steps (and the pause after each, in which the relay and the consumers finish its events), less what the idle
 * stack uses in as long (timers, heartbeats, polls), divided by the 2xx answers. Unlike a step's p99, which a
 * collection pause or a neighbour's build can break, this moves little between runs, and it gives the rate the
 * machine's cores could serve if CPU were the only limit.
 */
final class CpuPerRequest {

    private final Map<String, Long> pids;
    private final ToLongFunction<Long> ticksOf;
    private final Map<String, Map<String, Long>> ticks = new LinkedHashMap<>();
    private final Map<String, Long> answered = new LinkedHashMap<>();
    private final Map<String, Double> idleTicksPerSecond = new LinkedHashMap<>();

    /** {@code pids}: the stack's processes by name; {@code ticksOf}: a process's CPU ticks (1/100 s) so far. */
    CpuPerRequest(Map<String, Long> pids, ToLongFunction<Long> ticksOf) {
        this.pids = new LinkedHashMap<>(pids);
        this.ticksOf = ticksOf;
    }

    /** Each process's CPU ticks now. */
    Map<String, Long> snapshot() {
        Map<String, Long> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> now.put(name, ticksOf.applyAsLong(pid)));
        return now;
    }

    /** Records what each process uses when the stack has nothing to do, from two snapshots {@code seconds} apart. */
    void idle(Map<String, Long> before, Map<String, Long> after, double seconds) {
        after.forEach((name, t) -> idleTicksPerSecond.put(name,
                Math.max(0, t - before.getOrDefault(name, t)) / Math.max(seconds, 1e-9)));
    }

    /** Each process's idle CPU, in milliseconds per second. */
    Map<String, Double> idleMsPerSecond() {
        Map<String, Double> ms = new LinkedHashMap<>();
        idleTicksPerSecond.forEach((name, t) -> ms.put(name, t * 1000.0 / MemorySampler.TICKS_PER_SECOND));
        return ms;
    }

    /**
     * Counts what the processes used between two snapshots {@code seconds} apart, less their idle use in that time,
     * towards {@code target}'s {@code ok} answers.
     */
    void add(String target, Map<String, Long> before, Map<String, Long> after, double seconds, long ok) {
        Map<String, Long> used = ticks.computeIfAbsent(target, t -> new LinkedHashMap<>());
        after.forEach((name, t) -> {
            double idle = idleTicksPerSecond.getOrDefault(name, 0.0) * seconds;
            used.merge(name, Math.max(0, Math.round(t - before.getOrDefault(name, t) - idle)), Long::sum);
        });
        answered.merge(target, ok, Long::sum);
    }

    long answered(String target) {
        return answered.getOrDefault(target, 0L);
    }

    /** Milliseconds of CPU per answered request, by process, most first; empty when nothing was answered. */
    Map<String, Double> perRequestMs(String target) {
        long ok = answered(target);
        Map<String, Double> ms = new LinkedHashMap<>();
        if (ok == 0) {
            return ms;
        }
        ticks.getOrDefault(target, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ms.put(e.getKey(), e.getValue() * 1000.0 / MemorySampler.TICKS_PER_SECOND / ok));
        return ms;
    }

    double totalMs(String target) {
        return perRequestMs(target).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Requests per second {@code cores} could serve at {@code msPerRequest} of CPU each, if nothing else waited. */
    static double cpuBound(double msPerRequest, int cores) {
        return msPerRequest <= 0 ? 0 : cores * 1000.0 / msPerRequest;
    }
}
