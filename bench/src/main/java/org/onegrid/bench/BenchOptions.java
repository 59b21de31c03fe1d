package org.onegrid.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one run measures and how much. Every count and duration is bounded; {@code --quick} scales everything down
 * for development (about three minutes instead of about twelve).
 *
 * @param steps              offered rates (requests per second) of the intake steps, rising
 * @param stepSeconds        how long each intake step offers its rate
 * @param freshnessRates     steady rates for the freshness runs (the intake peak is added)
 * @param freshnessSeconds   how long each freshness run sends
 * @param events             synthetic ticket events produced for the replay phase
 * @param eventsPerTicket    events per synthetic ticket (1 to 6: reported, accepted, dispatched, resolved, replied, rated)
 * @param eventsApart        0: a ticket's events follow each other on the topic; N: its next event comes N tickets
 *                           later (as on a live topic, where a ticket is rated days after it was reported)
 * @param storeTickets       tickets written into ticket-service's store for the list query
 * @param seedSeconds        the longest the bench spends writing them (the list query then runs over what is there)
 * @param querySamples       requests per query (sequential), each query also bounded by {@code queryBudgetSeconds}
 * @param catchUpSeconds     the longest the bench waits for analytics to catch up before a freshness run
 * @param liveSeconds        the longest the bench waits for analytics' live consumer to apply the replay events
 * @param rebuildSeconds     the longest the bench follows an analytics rebuild
 * @param launcherHeap       the launcher JVM's -Xmx: the broker and the database live there
 * @param serviceJvm         {@code production}: the service JVMs run as deploy/Dockerfile runs them (full JIT, the
 *                           default collector, a heap that is not squeezed); {@code local}: the local stack's own
 *                           settings, chosen for start-up time and memory on a small machine
 * @param mongoUri           a MongoDB for the services instead of the launcher's database (empty: the launcher's own,
 *                           see {@code mongo}); its onegrid databases must not exist yet
 * @param warmUpSeconds      how long each intake target is loaded before the steps, unmeasured, so that the steps
 *                           measure compiled code and not the JIT at work
 * @param launcherJvm        further JVM options of the launcher (space separated)
 * @param out                where the results, the stack's data and its GC logs go ({@code bench/target} by default)
 */
record BenchOptions(boolean quick, Path root, int portOffset, List<Integer> steps, int stepSeconds,
                    List<Integer> freshnessRates, int freshnessSeconds, int events, int eventsPerTicket, int eventsApart,
                    int storeTickets, int seedSeconds, int querySamples, int queryBudgetSeconds, int catchUpSeconds, int liveSeconds,
                    int rebuildSeconds, Set<String> phases, String mongo, String launcherHeap, String serviceJvm,
                    int warmUpSeconds, String mongoUri, String launcherJvm, Path out) {

    static final String PRODUCTION_JVM = "-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC -Xms256m -Xmx1g";
    static final Set<String> ALL_PHASES = Set.of("intake", "freshness", "list", "replay", "dashboard");
    static final String USAGE = """
            usage: bench/run.sh [--quick] [--steps 100,200,...] [--step-seconds N] [--freshness-rates 100,500]
                                [--freshness-seconds N] [--events N] [--events-per-ticket 1..6] [--events-apart N] [--store-tickets N] [--seed-seconds N]
                                [--query-samples N] [--query-budget-seconds N] [--catch-up-seconds N]
                                [--live-seconds N] [--rebuild-seconds N]
                                [--phases intake,freshness,list,replay,dashboard] [--port-offset N] [--root DIR]
                                [--mongo memory|h2] [--launcher-heap 10g] [--service-jvm production|local] [--warm-up-seconds N]
                                [--mongo-uri mongodb://...] [--launcher-jvm "OPTIONS"] [--out DIR]""";

    static BenchOptions parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        Path root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize();
        BenchOptions options = new BenchOptions(quick, root,
                integer(o, "port-offset", 200),
                integers(o, "steps", quick ? "50,100,300" : "25,50,100,200,400,700,1000,1400,2000"),
                integer(o, "step-seconds", quick ? 4 : 10),
                integers(o, "freshness-rates", quick ? "25" : "25,100,500"),
                integer(o, "freshness-seconds", quick ? 5 : 10),
                integer(o, "events", quick ? 50_000 : 1_000_000),
                integer(o, "events-per-ticket", 1),
                integer(o, "events-apart", 0),
                integer(o, "store-tickets", quick ? 50_000 : 1_000_000),
                integer(o, "seed-seconds", quick ? 60 : 240),
                integer(o, "query-samples", quick ? 20 : 100),
                integer(o, "query-budget-seconds", quick ? 10 : 20),
                integer(o, "catch-up-seconds", quick ? 30 : 45),
                integer(o, "live-seconds", quick ? 45 : 240),
                integer(o, "rebuild-seconds", quick ? 60 : 240),
                Set.copyOf(Arrays.asList(o.getOrDefault("phases", String.join(",", ALL_PHASES)).split(","))),
                o.containsKey("mongo-uri") ? "external" : o.getOrDefault("mongo", "memory"),
                o.getOrDefault("launcher-heap", defaultLauncherHeap(quick, o.getOrDefault("mongo", "memory"))),
                o.getOrDefault("service-jvm", "production"),
                integer(o, "warm-up-seconds", quick ? 5 : 30),
                o.getOrDefault("mongo-uri", ""),
                o.getOrDefault("launcher-jvm", ""),
                o.containsKey("out") ? Path.of(o.get("out")).toAbsolutePath().normalize() : root.resolve("bench/target"));
        if (o.containsKey("mongo") && !List.of("h2", "memory").contains(o.get("mongo"))) {
            throw new IllegalArgumentException("--mongo: h2 (the local stack's default) or memory");
        }
        if (o.containsKey("mongo-uri") && o.containsKey("mongo")) {
            throw new IllegalArgumentException("--mongo-uri names a MongoDB to use; --mongo picks the launcher's own");
        }
        if (!options.mongoUri().isEmpty() && !options.mongoUri().matches("mongodb(\\+srv)?://.+")) {
            throw new IllegalArgumentException("--mongo-uri: a MongoDB connection string (mongodb://host:port/...)");
        }
        if (!options.launcherHeap().matches("[1-9][0-9]*[mg]")) {
            throw new IllegalArgumentException("--launcher-heap: a JVM heap size such as 2g or 6144m");
        }
        if (!options.serviceJvm().equals("production") && !options.serviceJvm().equals("local")) {
            throw new IllegalArgumentException("--service-jvm: production (as deploy/Dockerfile runs them) or local (the local stack's own settings)");
        }
        if (options.warmUpSeconds() < 1 || options.warmUpSeconds() > 300) {
            throw new IllegalArgumentException("--warm-up-seconds: 1 to 300");
        }
        if (options.portOffset() == 0 || options.portOffset() == 100) {
            throw new IllegalArgumentException("--port-offset 0 and 100 belong to the developer's stack and the system tests");
        }
        if (options.eventsPerTicket() < 1 || options.eventsPerTicket() > 6) {
            throw new IllegalArgumentException("--events-per-ticket must be 1 to 6");
        }
        if (options.eventsApart() < 0 || options.eventsApart() > 1_000_000) {
            throw new IllegalArgumentException("--events-apart: 0 (a ticket's events in a row) to 1000000 tickets");
        }
        if (!ALL_PHASES.containsAll(options.phases())) {
            throw new IllegalArgumentException("--phases: one or more of " + ALL_PHASES);
        }
        return options;
    }

    /**
     * What the bench adds to the local stack's JVM options of each service (see {@code ONEGRID_SERVICE_JVM_OPTIONS}
     * in LocalStack): nothing for {@code local}. For {@code production}, the JIT and collector a JVM picks by itself
     * on a server, as in deploy/Dockerfile, where the local stack stops the JIT at C1 and uses the serial collector
     * in a 64–320 MB heap.
     */
    String serviceJvmOptions() {
        return serviceJvm.equals("production") ? PRODUCTION_JVM : "";
    }

    /**
     * A million tickets in the memory database take about 10 GB of the launcher's heap (a full run holds the list
     * phase's million, then the replay's); with H2 or a small run the documents are on disk or few.
     */
    private static String defaultLauncherHeap(boolean quick, String mongo) {
        return !quick && mongo.equals("memory") ? "10g" : "2g";
    }

    /**
     * Why this machine cannot take the run, if it cannot: the launcher's heap, plus the five service JVMs (up to
     * 1 GB of heap each with production settings) and the bench's own, must fit in its memory, or the kernel
     * stops a process half way through and the run measures nothing.
     */
    Optional<String> memoryShortfall(long machineBytes) {
        long heap = Long.parseLong(launcherHeap.substring(0, launcherHeap.length() - 1))
                << (launcherHeap.endsWith("g") ? 30 : 20);
        long needed = heap + (6L << 30);
        if (needed <= machineBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "this run needs about %d GB of memory (launcher heap %s, plus about 6 GB for the services and the bench);"
                        + " the machine has %.1f GB. Run with --mongo h2 (documents on disk), or with fewer --events"
                        + " and --store-tickets and a smaller --launcher-heap.",
                needed >> 30, launcherHeap, machineBytes / (double) (1L << 30)));
    }

    /** {@code --launcher-jvm}, one option an element. */
    List<String> launcherJvmOptions() {
        return Arrays.stream(launcherJvm.split(" ")).filter(o -> !o.isBlank()).toList();
    }

    /** The launcher's database options: its own database, or none and the services on {@code --mongo-uri}. */
    List<String> launcherDatabaseArgs() {
        return mongoUri.isEmpty() ? List.of("--mongo", mongo) : List.of("--mongo-uri", mongoUri);
    }

    /** Where the services' databases are, for the bench's own fixture writes. */
    String databaseUri() {
        return mongoUri.isEmpty() ? "mongodb://127.0.0.1:" + mongoPort() : mongoUri;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    int gatewayPort() {
        return 8080 + portOffset;
    }

    int ticketPort() {
        return 8081 + portOffset;
    }

    int analyticsPort() {
        return 8084 + portOffset;
    }

    int kafkaPort() {
        return 9092 + portOffset;
    }

    int mongoPort() {
        return 27017 + portOffset;
    }

    /** Everything, for the results file. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quick", quick);
        m.put("portOffset", portOffset);
        m.put("mongo", mongo);
        m.put("launcherHeap", launcherHeap);
        m.put("launcherJvm", launcherJvm);
        m.put("serviceJvm", serviceJvm);
        m.put("warmUpSeconds", warmUpSeconds);
        m.put("intakeSteps", steps);
        m.put("stepSeconds", stepSeconds);
        m.put("freshnessRates", freshnessRates);
        m.put("freshnessSeconds", freshnessSeconds);
        m.put("replayEvents", events);
        m.put("eventsPerTicket", eventsPerTicket);
        m.put("eventsApart", eventsApart);
        m.put("storeTickets", storeTickets);
        m.put("seedSeconds", seedSeconds);
        m.put("querySamples", querySamples);
        m.put("queryBudgetSeconds", queryBudgetSeconds);
        m.put("catchUpSeconds", catchUpSeconds);
        m.put("liveSeconds", liveSeconds);
        m.put("rebuildSeconds", rebuildSeconds);
        m.put("phases", ALL_PHASES.stream().filter(phases::contains).sorted().toList());
        return m;
    }

    private static int integer(Map<String, String> o, String key, int fallback) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key).replace("_", "")) : fallback;
    }

    private static List<Integer> integers(Map<String, String> o, String key, String fallback) {
        return Arrays.stream(o.getOrDefault(key, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
