package org.onegrid.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.onegrid.embedded.KraftBroker;
import org.onegrid.embedded.MongoWireServer;

/**
 * Runs the whole platform on one machine: a Mongo-wire database (H2 files) on 127.0.0.1:27017, a KRaft Kafka broker
 * on 127.0.0.1:9092, both in this JVM with their data under {@code data/}, and each service as its own JVM process
 * (as in production, so one can be killed and restarted alone). Ctrl-C stops the services, then the broker and
 * the database.
 *
 * <p>Usage: {@code java -jar platform/local-stack/target/local-stack.jar [--root DIR] [--data DIR] [--port-offset N]
 * [--control stdin] [--mongo h2|memory] [--mongo-uri URI]}. {@code --mongo memory} keeps the database in memory only
 * (lost on exit; the benchmark uses it to measure the platform rather than the H2 file store's serialisation);
 * {@code --mongo-uri} starts no database and points the services at that MongoDB instead. {@code --port-offset N} shifts every port by N (services, broker and its controller, database)
 * so a second stack (the system tests') runs beside the default one. {@code --control stdin} reads commands, one a
 * line, and answers {@code OK <command>} or {@code ERROR <command>: <why>}: {@code kill <module>} (SIGKILL, no
 * graceful shutdown), {@code restart <module>} (start again, wait until healthy), {@code stop-broker},
 * {@code start-broker} (same data directory and ports). The service JVMs start small (C1 only, serial collector,
 * 64–320 MB heap) so that five of them start quickly on two cores; {@code ONEGRID_SERVICE_JVM_OPTIONS} adds options
 * after those, which win (the benchmark runs them as production does).
 */
public final class LocalStack implements AutoCloseable {

    static final int MONGO_PORT = 27017;
    static final int KAFKA_PORT = 9092;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final Path data;
    private final int offset;
    private final List<ServiceSpec> specs;
    private boolean databaseInMemory;
    /** A MongoDB the services use instead of the launcher's own database (none is started then). */
    private String externalMongoUri;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private MongoWireServer mongo;
    private KraftBroker broker;

    LocalStack(Path root, Path data) {
        this(root, data, 0);
    }

    /** A stack whose every port is shifted by {@code portOffset} (0: the documented ports). */
    public LocalStack(Path root, Path data, int portOffset) {
        this.root = root;
        this.data = data;
        this.offset = portOffset;
        this.specs = ServiceSpec.ALL.stream().map(spec -> spec.shifted(portOffset)).toList();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("root", findRoot().toString())).toAbsolutePath().normalize();
        Path data = Path.of(options.getOrDefault("data", root.resolve("data").toString())).toAbsolutePath().normalize();
        int offset = Integer.parseInt(options.getOrDefault("port-offset", "0"));
        LocalStack stack = new LocalStack(root, data, offset);
        String backend = options.getOrDefault("mongo", "h2");
        if (!backend.equals("h2") && !backend.equals("memory")) {
            throw new IllegalArgumentException("--mongo is h2 (default, kept in --data) or memory");
        }
        stack.databaseInMemory = backend.equals("memory");
        if (options.containsKey("mongo-uri")) {
            if (options.containsKey("mongo")) {
                throw new IllegalArgumentException("--mongo-uri names a database to use; --mongo picks one to start");
            }
            stack.externalMongoUri = LaunchOptions.externalMongoUri(options.get("mongo-uri"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping OneGrid local stack ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            // Any failure, checked ones too (a port in use comes as a sneaky BindException): exit, do not hang.
            System.err.println("Local stack failed to start: " + e);
            System.exit(1);
        }
        if ("stdin".equals(options.get("control"))) {
            Thread control = new Thread(() -> stack.control(new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))), "local-stack-control");
            control.setDaemon(true);
            control.start();
        }
        stopped.await();
    }

    /** Runs control commands (see the class comment) until the input ends. */
    void control(java.io.BufferedReader commands) {
        try {
            for (String line; (line = commands.readLine()) != null; ) {
                String command = line.strip();
                if (command.isEmpty()) {
                    continue;
                }
                try {
                    String[] words = command.split("\\s+");
                    switch (words[0]) {
                        case "kill" -> kill(words[1]);
                        case "restart" -> restart(words[1]);
                        case "stop-broker" -> stopBroker();
                        case "start-broker" -> startBroker();
                        default -> throw new IllegalArgumentException("unknown command");
                    }
                    System.out.println("OK " + command);
                } catch (RuntimeException e) {
                    System.out.println("ERROR " + command + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            System.err.println("control input failed: " + e.getMessage());
        }
    }

    public void start() {
        long started = System.nanoTime();
        checkJars();
        if (externalMongoUri == null) {
            mongo = databaseInMemory ? MongoWireServer.inMemory(mongoPort())
                    : MongoWireServer.persistent(data.resolve("mongo").resolve("onegrid.mv"), mongoPort());
        }
        startBroker();
        if (externalMongoUri == null) {
            System.out.printf("Database  mongodb://127.0.0.1:%d (%s)%n", mongoPort(),
                    databaseInMemory ? "in memory only" : "files in " + data.resolve("mongo"));
        } else {
            System.out.printf("Database  %s (given with --mongo-uri, not started here)%n",
                    LaunchOptions.withoutPassword(externalMongoUri));
        }
        System.out.printf("Broker    %s (KRaft, logs in %s)%n", broker.bootstrapServers(), data.resolve("kafka"));
        for (ServiceSpec spec : specs) {
            processes.put(spec.module(), launch(spec));
        }
        awaitHealthy(specs);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        System.out.printf("OneGrid is up in %.1f s, using %d MB resident memory.%n", seconds, residentMegabytes());
        System.out.printf("  Gateway      http://127.0.0.1:%d   (Swagger UI /swagger-ui.html, dashboard /dashboard)%n",
                spec("gateway").port());
        for (ServiceSpec spec : specs) {
            System.out.printf("  %-22s http://127.0.0.1:%d/actuator/health  /v3/api-docs  /actuator/prometheus%n",
                    spec.module(), spec.port());
        }
        System.out.println("  Logs         " + data.resolve("logs"));
        System.out.println("READY. Press Ctrl-C to stop.");
    }

    public int mongoPort() {
        return MONGO_PORT + offset;
    }

    public int kafkaPort() {
        return KAFKA_PORT + offset;
    }

    /** The HTTP port of a module (e.g. "gateway", "ticket-service"). */
    public int port(String module) {
        return spec(module).port();
    }

    /** Kills one service process at once (SIGKILL: no graceful shutdown, nothing flushed). */
    public synchronized void kill(String module) {
        Process process = processes.get(spec(module).module());
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(module + " is not running");
        }
        process.toHandle().destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " still alive after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.out.printf("Killed    %-22s pid %d%n", module, process.pid());
    }

    /** Starts a service again (after {@link #kill}) and waits until it is healthy. */
    public synchronized void restart(String module) {
        ServiceSpec spec = spec(module);
        Process old = processes.get(module);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(module + " is still running");
        }
        processes.put(module, launch(spec));
        awaitHealthy(List.of(spec));
    }

    /** Stops the broker (the services keep running and retry); {@link #startBroker} brings it back with its data. */
    public synchronized void stopBroker() {
        if (broker == null) {
            throw new IllegalStateException("the broker is not running");
        }
        broker.close();
        broker = null;
        System.out.println("Stopped   broker");
    }

    public synchronized void startBroker() {
        if (broker != null) {
            throw new IllegalStateException("the broker is running");
        }
        broker = KraftBroker.start(kafkaPort(), data.resolve("kafka"));
    }

    private ServiceSpec spec(String module) {
        return specs.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module " + module));
    }

    private void checkJars() {
        for (ServiceSpec spec : specs) {
            if (!Files.isRegularFile(spec.jar(root))) {
                throw new IllegalStateException(spec.jar(root) + " is missing: build first (mvn -DskipTests package)");
            }
        }
    }

    private Process launch(ServiceSpec spec) {
        try {
            Path logs = Files.createDirectories(data.resolve("logs"));
            Path log = logs.resolve(spec.module() + ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx320m", "-Xss512k",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
                    "-Duser.timezone=UTC"));
            command.addAll(LaunchOptions.extraJvmOptions());
            command.addAll(List.of("-jar", spec.jar(root).toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(environment(offset));
            if (externalMongoUri != null) {
                env.put("MONGODB_URI", externalMongoUri);
            }
            env.put("SERVER_PORT", String.valueOf(spec.port()));
            Process process = builder.start();
            System.out.printf("Started   %-22s pid %d, port %d, log %s%n", spec.module(), process.pid(), spec.port(), log);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same variables docker-compose sets, with local addresses. */
    static Map<String, String> environment() {
        return environment(0);
    }

    static Map<String, String> environment(int offset) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + (KAFKA_PORT + offset));
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + (MONGO_PORT + offset));
        env.put("ONEGRID_DEMO_DATA", "true");
        // Services refuse requests that did not come through the gateway, as in production.
        env.put("ONEGRID_GATEWAY_TRUST", "true");
        env.put("TICKET_SERVICE_URL", "http://127.0.0.1:" + (8081 + offset));
        env.put("TALENT_SERVICE_URL", "http://127.0.0.1:" + (8082 + offset));
        env.put("CENTER_SERVICE_URL", "http://127.0.0.1:" + (8083 + offset));
        env.put("ANALYTICS_SERVICE_URL", "http://127.0.0.1:" + (8084 + offset));
        env.put("DASHBOARD_ORIGIN", "http://localhost:" + (8084 + offset));
        return env;
    }

    private void awaitHealthy(List<ServiceSpec> of) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceSpec> waiting = new ArrayList<>(of);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy within " + READY_TIMEOUT + ": " + waiting
                        + " (see " + data.resolve("logs") + ")");
            }
            for (ServiceSpec spec : waiting) {
                Process process = processes.get(spec.module());
                if (!process.isAlive()) {
                    throw new IllegalStateException(spec.module() + " exited with code "
                            + process.exitValue() + " (see " + data.resolve("logs") + ")");
                }
            }
            waiting.removeIf(spec -> isUp(http, spec));
            sleep(500);
        }
    }

    static boolean isUp(HttpClient http, ServiceSpec spec) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(spec.healthUrl()))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
            if (up) {
                System.out.printf("Healthy   %s%n", spec.module());
            }
            return up;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long residentMegabytes() {
        long kb = ProcessMemory.residentKilobytes(ProcessHandle.current().pid());
        for (Process p : processes.values()) {
            kb += ProcessMemory.residentKilobytes(p.pid());
        }
        return kb / 1024;
    }

    @Override
    public synchronized void close() {
        // Gateway first (no new requests), then the services, then the broker and the database they write to.
        List<Process> running = new ArrayList<>(processes.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).destroy();
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("ticket-service").resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from the OneGrid checkout, or pass --root");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(
                        "usage: [--root DIR] [--data DIR] [--port-offset N] [--control stdin] [--mongo h2|memory]"
                                + " [--mongo-uri mongodb://...]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
