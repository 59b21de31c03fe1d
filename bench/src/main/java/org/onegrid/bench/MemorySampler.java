package org.onegrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory (VmRSS from /proc) of each service JVM and of the launcher (which hosts the broker and the
 * Mongo-wire database), sampled every second: at rest (right after start) and the peak over the run, with the
 * phase during which it was reached.
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
    private volatile String phase = "start";

    /**
     * Finds the service JVMs among the launcher's children by the jar on their command line (only its children:
     * other stacks on the machine run the same jars).
     */
    MemorySampler(long launcherPid) {
        pids.put("launcher (broker + database)", launcherPid);
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
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    void phase(String name) {
        this.phase = name;
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
