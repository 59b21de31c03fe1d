package org.onegrid.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * What one answered request costs the machine: the CPU time each process of the stack used during an intake target's
 * steps (and the pause after each, in which the relay and the consumers finish its events), less what the idle
 * stack uses in as long (timers, heartbeats, polls), divided by the 2xx answers. Unlike a step's p99, which a
 * collection pause or a neighbour's build can break, this moves little between runs, and it gives the rate the
 * machine's cores could serve if CPU were the only limit.
 *
 * <p>Kept per step rate: consumers fold more events per poll as the rate rises, so a request costs less at higher
 * rates, and two targets compare fairly only over the same rates ({@link #commonRates}).
 */
final class CpuPerRequest {

    private final Map<String, Long> pids;
    private final ToLongFunction<Long> ticksOf;
    /** target → step rate → process → ticks. */
    private final Map<String, Map<Integer, Map<String, Long>>> ticks = new LinkedHashMap<>();
    /** target → step rate → 2xx answers. */
    private final Map<String, Map<Integer, Long>> answered = new LinkedHashMap<>();
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
     * towards the {@code ok} answers of {@code target}'s step at {@code rate}.
     */
    void add(String target, int rate, Map<String, Long> before, Map<String, Long> after, double seconds, long ok) {
        Map<String, Long> used = ticks.computeIfAbsent(target, t -> new TreeMap<>())
                .computeIfAbsent(rate, r -> new LinkedHashMap<>());
        after.forEach((name, t) -> {
            double idle = idleTicksPerSecond.getOrDefault(name, 0.0) * seconds;
            used.merge(name, Math.max(0, Math.round(t - before.getOrDefault(name, t) - idle)), Long::sum);
        });
        answered.computeIfAbsent(target, t -> new TreeMap<>()).merge(rate, ok, Long::sum);
    }

    /** The step rates at which every one of {@code targets} was measured. */
    Set<Integer> commonRates(String... targets) {
        Set<Integer> common = null;
        for (String target : targets) {
            Set<Integer> rates = answered.getOrDefault(target, Map.of()).keySet();
            if (common == null) {
                common = new TreeSet<>(rates);
            } else {
                common.retainAll(rates);
            }
        }
        return common == null ? Set.of() : common;
    }

    long answered(String target) {
        return answered(target, null);
    }

    /** Answers at the given rates (all rates when null). */
    long answered(String target, Set<Integer> rates) {
        return answered.getOrDefault(target, Map.of()).entrySet().stream()
                .filter(e -> rates == null || rates.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    Map<String, Double> perRequestMs(String target) {
        return perRequestMs(target, null);
    }

    /**
     * Milliseconds of CPU per answered request at the given rates (all when null), by process, most first; empty when
     * nothing was answered.
     */
    Map<String, Double> perRequestMs(String target, Set<Integer> rates) {
        long ok = answered(target, rates);
        Map<String, Double> ms = new LinkedHashMap<>();
        if (ok == 0) {
            return ms;
        }
        Map<String, Long> used = new LinkedHashMap<>();
        ticks.getOrDefault(target, Map.of()).forEach((rate, byProcess) -> {
            if (rates == null || rates.contains(rate)) {
                byProcess.forEach((name, t) -> used.merge(name, t, Long::sum));
            }
        });
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ms.put(e.getKey(), e.getValue() * 1000.0 / MemorySampler.TICKS_PER_SECOND / ok));
        return ms;
    }

    double totalMs(String target) {
        return totalMs(target, null);
    }

    double totalMs(String target, Set<Integer> rates) {
        return perRequestMs(target, rates).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Requests per second {@code cores} could serve at {@code msPerRequest} of CPU each, if nothing else waited. */
    static double cpuBound(double msPerRequest, int cores) {
        return msPerRequest <= 0 ? 0 : cores * 1000.0 / msPerRequest;
    }
}
