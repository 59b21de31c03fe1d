package org.onegrid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The benchmark of issue 10, one command ({@code bench/run.sh}): starts the packaged local stack on ports shifted
 * by 200 (gateway 8280, services 8281-8284, broker 9292, Mongo-wire 27217) with the gateway's rate limit raised and
 * a gateway secret of its own, runs the phases (intake, freshness, list, replay, dashboard; memory throughout), prints a
 * table, writes {@code bench-results.json} and {@code .md} (under {@code bench/target}, or {@code --out}), and stops
 * the stack. Loopback only; every phase bounded in count and time. Not a test: {@code mvn verify} only runs it once at
 * a tiny scale ({@code BenchRunIT}), to check that each phase still yields its figures, and judges none of them.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Optional<String> shortfall = options.memoryShortfall(Results.machineMemoryBytes());
        if (shortfall.isPresent()) {
            System.err.println(shortfall.get());
            System.exit(2);
            return;
        }
        if (!options.mongoUri().isEmpty()) {
            try {
                refuseUsedDatabase(options.mongoUri());
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
        }
        run(options);
    }

    /**
     * One run with these options, start to finish: the stack is stopped again at the end. A phase that fails is
     * noted in the results and the next one runs.
     *
     * @return the results file (JSON; the Markdown lies beside it)
     */
    static Path run(BenchOptions options) throws Exception {
        long started = System.nanoTime();
        Path target = options.out();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String gatewaySecret = "bench-gateway-secret-" + UUID.randomUUID();
        Map<String, String> env = new LinkedHashMap<>();
        // The gateway's per-client bucket (100 burst, 50/s by default) would be all the intake phase measures.
        env.put("ONEGRID_RATE_CAPACITY", "10000000");
        env.put("ONEGRID_RATE_REFILL", "10000000");
        env.put("ONEGRID_GATEWAY_SECRET", gatewaySecret);
        env.put("HOTLINE_12345_SECRET", Api.HOTLINE_SECRET);
        Path gcLogs = target.resolve("bench-gc");
        LocalStackProcess.deleteRecursively(gcLogs);
        Files.createDirectories(gcLogs);
        String gcLog = GcPauses.logOption(gcLogs);
        env.put("ONEGRID_SERVICE_JVM_OPTIONS",
                (options.serviceJvmOptions() + " " + (gcLog == null ? "" : gcLog)).strip());
        Results results = new Results();
        System.out.printf("OneGrid bench %s: %s, %d cores, stack on port offset %d, database %s, service JVMs %s%n",
                run, options.quick() ? "quick" : "full", Runtime.getRuntime().availableProcessors(),
                options.portOffset(), options.mongo(), options.serviceJvm());

        try (LocalStackProcess stack = LocalStackProcess.start(options.root(), target.resolve("bench-data"),
                options.portOffset(), options.launcherDatabaseArgs(), options.launcherHeap(),
                launcherJvmOptions(options, gcLog), env, Duration.ofMinutes(5))) {
            // Ctrl-C stops the stack too (the launcher stops its services on SIGTERM).
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop-stack"));
            double readySeconds = (System.nanoTime() - stack.startedNanos) / 1e9;
            results.add("stack", "local stack start to READY (first start, demo data)",
                    String.format("%.0f s", readySeconds), null, null, null);
            IntakePhase.pause(5000);
            try (MemorySampler memory = new MemorySampler(stack.pid())) {
                Api api = new Api(options, gatewaySecret);
                SyntheticTickets synthetic = new SyntheticTickets(run, options.eventsPerTicket(), Instant.now());
                int peak = 0;
                if (options.runs("intake")) {
                    memory.phase("intake");
                    peak = phase(results, "intake", () -> {
                        IntakePhase.Outcome o = new IntakePhase(api, options, run,
                                new CpuPerRequest(memory.stackProcesses(), MemorySampler::cpuTicks)).run(results);
                        // The freshness peak: the sustained rate, or on a machine too busy for one, the capacity.
                        return o.peak(IntakePhase.GATEWAY) > 0 ? o.peak(IntakePhase.GATEWAY)
                                : o.capacityPeak(IntakePhase.GATEWAY);
                    }, 0);
                }
                if (options.runs("freshness")) {
                    memory.phase("freshness");
                    TreeSet<Integer> rates = new TreeSet<>(options.freshnessRates());
                    if (peak > 0) {
                        rates.add(peak);
                    }
                    phase(results, "freshness", () -> {
                        new FreshnessPhase(api, options, run).run(new ArrayList<>(rates), results);
                        return 0;
                    }, 0);
                }
                QueryPhase queries = new QueryPhase(api, options, synthetic);
                if (options.runs("list")) {
                    // Before the replay, so the store is written while analytics is idle.
                    phase(results, "list", () -> {
                        queries.list(results, memory);
                        return 0;
                    }, 0);
                }
                if (options.runs("replay")) {
                    phase(results, "replay", () -> new ReplayPhase(api, options, synthetic).run(results, memory), 0);
                }
                if (options.runs("dashboard")) {
                    phase(results, "dashboard", () -> {
                        queries.dashboard(results, memory);
                        return 0;
                    }, 0);
                }
                memory.phase("after the phases");
                IntakePhase.pause(1500);
                Map<String, Object> mem = new LinkedHashMap<>();
                long restTotal = 0;
                long peakTotal = 0;
                for (var e : memory.usage().entrySet()) {
                    MemorySampler.Usage u = e.getValue();
                    if (!e.getKey().startsWith("bench")) {
                        restTotal += u.restKb();
                        peakTotal += u.peakKb();
                    }
                    results.add("memory", "resident " + e.getKey() + " (rest → peak)",
                            String.format("%,d → %,d MB", u.restKb() / 1024, u.peakKb() / 1024), null, null,
                            "peak during " + u.peakPhase());
                    mem.put(e.getKey(), u);
                }
                results.add("memory", "resident, the stack (sum of rests → sum of peaks)",
                        String.format("%,d → %,d MB", restTotal / 1024, peakTotal / 1024), null, null,
                        options.serviceJvmOptions().isEmpty() ? "services run with -Xmx320m (launcher's setting)"
                                : "services run with " + options.serviceJvmOptions());
                results.detail("memory", mem);
                memory.phase("stop");
                Map<String, Map<String, Double>> cpu = memory.cpuByPhase();
                results.detail("cpuSecondsByPhase", cpu);
                cpu.forEach((phaseName, used) -> {
                    double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
                    String top = used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                            .limit(3).map(e -> String.format("%s %.0f s", e.getKey(), e.getValue()))
                            .reduce((a, b) -> a + ", " + b).orElse("");
                    results.add("cpu", "CPU time in " + phaseName, String.format("%.0f s", total), null, null, top);
                });
                addPauses(results, GcPauses.byPhase(GcPauses.read(gcLogs, memory.processes()), memory.phaseStarts()));
            }
            if (!stack.alive()) {
                results.note("the local stack process died during the run");
            }
            System.out.println("Stopping the local stack ...");
        } catch (Exception e) {
            results.note("run aborted: " + e);
            e.printStackTrace();
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        System.out.println();
        System.out.println(results.table());
        Path json = target.resolve("bench-results.json");
        Path md = target.resolve("bench-results.md");
        results.write(json, md, options.asMap(), minutes);
        System.out.printf("%.1f minutes. Results: %s and %s%n", minutes, json, md);
        return json;
    }

    private static List<String> launcherJvmOptions(BenchOptions options, String gcLog) {
        List<String> jvm = new ArrayList<>(options.launcherJvmOptions());
        if (gcLog != null) {
            jvm.add(gcLog);
        }
        return jvm;
    }

    /** Per phase: the three longest pauses of any JVM, and the three JVMs that paused longest in total. */
    private static void addPauses(Results results, Map<String, Map<String, GcPauses.Summary>> byPhase) {
        results.detail("gcPausesByPhase", byPhase);
        byPhase.forEach((phaseName, byProcess) -> {
            String longest = byProcess.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(
                            Comparator.comparingDouble(GcPauses.Summary::longestMillis).reversed()))
                    .limit(3).map(e -> String.format("%s %.0f ms", e.getKey(), e.getValue().longestMillis()))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            String total = byProcess.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(
                            Comparator.comparingDouble(GcPauses.Summary::totalMillis).reversed()))
                    .limit(3).map(e -> String.format("%s %d pauses, %.0f ms", e.getKey(), e.getValue().count(),
                            e.getValue().totalMillis()))
                    .reduce((a, b) -> a + "; " + b).orElse("");
            results.add("gc", "longest collection pauses in " + phaseName, longest, null, null, "in all: " + total);
        });
    }

    interface Phase {
        int run() throws Exception;
    }

    /**
     * The bench writes fixtures, and a stack on leftovers of an earlier run would measure them too: a MongoDB given
     * with --mongo-uri must not hold the platform's databases yet (they are left in place after the run).
     */
    private static void refuseUsedDatabase(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            List<String> used = client.listDatabaseNames().into(new ArrayList<>()).stream()
                    .filter(name -> name.startsWith("onegrid-")).toList();
            if (!used.isEmpty()) {
                throw new IllegalStateException("--mongo-uri: " + used + " already exist there; drop them first "
                        + "(the bench needs an empty platform and leaves its data behind)");
            }
        }
    }

    /** Runs a phase; a failure is noted and the next phase still runs. */
    private static int phase(Results results, String name, Phase phase, int fallback) {
        System.out.printf("%n== %s (%s)%n", name, Instant.now());
        try {
            return phase.run();
        } catch (Exception | Error e) {
            results.note(name + " phase failed: " + e);
            e.printStackTrace();
            return fallback;
        }
    }
}
