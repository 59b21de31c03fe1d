package org.onegrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory (VmRSS from /proc) of each service JVM and of the launcher (which hosts the broker and the
 * Mongo-wire database), sampled every second: at rest (right after start) and the peak over the run, with the
 * phase during which it was reached. Also the CPU time (user + system, from /proc/<pid>/stat) each process used
 * in each phase, which says where a phase's time went.
 */
final class MemorySampler implements AutoCloseable {

    static final List<String> MODULES = List.of("gateway", "ticket-service", "talent-service",
            "service-center-service", "analytics-service");

    record Usage(long restKb, long peakKb, String peakPhase) {
    }

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> rest = new LinkedHashMap<>();
    private final Map<String, Long> peak = new LinkedHashMap<>();
    private final Map<String, String> peakPhase = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-sampler");
        t.setDaemon(true);
        return t;
    });
    /** The name of the bench's own process among {@link #processes()}. */
    static final String BENCH = "bench itself (load generator)";
    private volatile String phase = "start";
    private final Map<String, Long> cpuAtPhaseStart = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> cpuByPhase = new LinkedHashMap<>();
    private final List<Map.Entry<String, Instant>> phaseStarts = new ArrayList<>();

    /**
     * Finds the service JVMs among the launcher's children by the jar on their command line (only its children:
     * other stacks on the machine run the same jars).
     */
    MemorySampler(long launcherPid) {
        pids.put("launcher (broker + database)", launcherPid);
        pids.put(BENCH, ProcessHandle.current().pid());
        List<ProcessHandle> children = ProcessHandle.of(launcherPid).map(p -> p.children().toList()).orElse(List.of());
        for (String module : MODULES) {
            String jar = "/" + module + "/target/" + module + ".jar";
            children.stream()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                    .findFirst()
                    .ifPresent(p -> pids.put(module, p.pid()));
        }
        pids.forEach((name, pid) -> rest.put(name, residentKb(pid)));
        rest.forEach((name, kb) -> peak.put(name, kb));
        rest.keySet().forEach(name -> peakPhase.put(name, phase));
        pids.forEach((name, pid) -> cpuAtPhaseStart.put(name, cpuTicks(pid)));
        phaseStarts.add(Map.entry(phase, Instant.now()));
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    synchronized void phase(String name) {
        Map<String, Double> used = new LinkedHashMap<>();
        pids.forEach((process, pid) -> {
            long now = cpuTicks(pid);
            used.put(process, (now - cpuAtPhaseStart.getOrDefault(process, now)) / (double) TICKS_PER_SECOND);
            cpuAtPhaseStart.put(process, now);
        });
        cpuByPhase.merge(phase, used, (a, b) -> {
            Map<String, Double> sum = new LinkedHashMap<>(a);
            b.forEach((k, v) -> sum.merge(k, v, Double::sum));
            return sum;
        });
        this.phase = name;
        phaseStarts.add(Map.entry(name, Instant.now()));
    }

    /** Each phase's name and start, in order (the first is the sampler's own start). */
    synchronized List<Map.Entry<String, Instant>> phaseStarts() {
        return List.copyOf(phaseStarts);
    }

    /** The sampled processes by name, with their pids. */
    Map<String, Long> processes() {
        return new LinkedHashMap<>(pids);
    }

    /** The stack's processes (the launcher and the services), without the bench's own. */
    Map<String, Long> stackProcesses() {
        Map<String, Long> stack = processes();
        stack.remove(BENCH);
        return stack;
    }

    /** CPU seconds per process in each phase so far (the current phase not yet included). */
    synchronized Map<String, Map<String, Double>> cpuByPhase() {
        return new LinkedHashMap<>(cpuByPhase);
    }

    /** Linux's USER_HZ, 100 on every common kernel. */
    static final int TICKS_PER_SECOND = 100;

    /** utime + stime of a process in clock ticks; 0 when unknown. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime field 14 and stime field 15 (1-based) of the whole line.
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private synchronized void sample() {
        pids.forEach((name, pid) -> {
            long kb = residentKb(pid);
            if (kb > peak.getOrDefault(name, 0L)) {
                peak.put(name, kb);
                peakPhase.put(name, phase);
            }
        });
    }

    synchronized Map<String, Usage> usage() {
        Map<String, Usage> u = new LinkedHashMap<>();
        pids.keySet().forEach(name -> u.put(name, new Usage(rest.get(name), peak.get(name), peakPhase.get(name))));
        return u;
    }

    static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
