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
 * <p>Usage: {@code java -jar platform/local-stack/target/local-stack.jar [--root DIR] [--data DIR]}.
 */
public final class LocalStack implements AutoCloseable {

    static final int MONGO_PORT = 27017;
    static final int KAFKA_PORT = 9092;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final Path data;
    private final List<Process> processes = new ArrayList<>();
    private MongoWireServer mongo;
    private KraftBroker broker;

    LocalStack(Path root, Path data) {
        this.root = root;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("root", findRoot().toString())).toAbsolutePath().normalize();
        Path data = Path.of(options.getOrDefault("data", root.resolve("data").toString())).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping OneGrid local stack ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("Local stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() {
        long started = System.nanoTime();
        checkJars();
        mongo = MongoWireServer.persistent(data.resolve("mongo").resolve("onegrid.mv"), MONGO_PORT);
        broker = KraftBroker.start(KAFKA_PORT, data.resolve("kafka"));
        System.out.printf("Database  mongodb://127.0.0.1:%d (files in %s)%n", MONGO_PORT, data.resolve("mongo"));
        System.out.printf("Broker    %s (KRaft, logs in %s)%n", broker.bootstrapServers(), data.resolve("kafka"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            processes.add(launch(spec));
        }
        awaitHealthy();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        System.out.printf("OneGrid is up in %.1f s, using %d MB resident memory.%n", seconds, residentMegabytes());
        System.out.println("  Gateway      http://127.0.0.1:8080   (Swagger UI /swagger-ui.html, dashboard /dashboard)");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            System.out.printf("  %-22s http://127.0.0.1:%d/actuator/health  /v3/api-docs  /actuator/prometheus%n",
                    spec.module(), spec.port());
        }
        System.out.println("  Logs         " + data.resolve("logs"));
        System.out.println("READY. Press Ctrl-C to stop.");
    }

    private void checkJars() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
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
                    "-Duser.timezone=UTC", "-jar", spec.jar(root).toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(environment());
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
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + KAFKA_PORT);
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + MONGO_PORT);
        env.put("ONEGRID_DEMO_DATA", "true");
        // Services refuse requests that did not come through the gateway, as in production.
        env.put("ONEGRID_GATEWAY_TRUST", "true");
        env.put("TICKET_SERVICE_URL", "http://127.0.0.1:8081");
        env.put("TALENT_SERVICE_URL", "http://127.0.0.1:8082");
        env.put("CENTER_SERVICE_URL", "http://127.0.0.1:8083");
        env.put("ANALYTICS_SERVICE_URL", "http://127.0.0.1:8084");
        return env;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceSpec> waiting = new ArrayList<>(ServiceSpec.ALL);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy within " + READY_TIMEOUT + ": " + waiting
                        + " (see " + data.resolve("logs") + ")");
            }
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException(ServiceSpec.ALL.get(i).module() + " exited with code "
                            + processes.get(i).exitValue() + " (see " + data.resolve("logs") + ")");
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
        for (Process p : processes) {
            kb += ProcessMemory.residentKilobytes(p.pid());
        }
        return kb / 1024;
    }

    @Override
    public void close() {
        // Gateway first (no new requests), then the services, then the broker and the database they write to.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
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
                throw new IllegalArgumentException("usage: [--root DIR] [--data DIR]");
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
