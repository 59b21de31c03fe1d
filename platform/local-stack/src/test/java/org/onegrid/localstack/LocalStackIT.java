package org.onegrid.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, tested as a user runs it: start the packaged launcher, wait until it says READY, find
 * every service healthy with metrics and API docs and the demo data loaded; stop it as Ctrl-C does; start it again
 * on the same data folder and find the same demo data, not loaded a second time. In between, a resident's appeal
 * goes round the whole platform ({@link AppealRoundTrip}).
 */
class LocalStackIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DATA = Path.of("target/it-data").toAbsolutePath();
    private static final List<String> DATABASES = List.of("onegrid-ticket", "onegrid-talent", "onegrid-center",
            "onegrid-analytics");
    private static final String EXTRA_JVM_OPTION = "-Donegrid.launched-by=LocalStackIT";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsStopsAndRestartsWithItsDataKept() throws Exception {
        deleteRecursively(DATA);

        Process first = launch();
        Map<String, Document> markersAfterFirstStart;
        Map<String, Long> countsAfterFirstStart;
        try {
            for (ServiceSpec spec : ServiceSpec.ALL) {
                assertThat(get("http://127.0.0.1:" + spec.port() + "/actuator/health"))
                        .as(spec.module()).contains("\"status\":\"UP\"");
                assertThat(get("http://127.0.0.1:" + spec.port() + "/actuator/prometheus"))
                        .as(spec.module()).contains("jvm_memory_used_bytes");
                assertThat(get("http://127.0.0.1:" + spec.port() + "/v3/api-docs"))
                        .as(spec.module()).contains("\"openapi\"");
            }
            markersAfterFirstStart = demoDataMarkers();
            assertThat(markersAfterFirstStart).as("demo data markers").isNotEmpty();
            assertThat(collectionCounts(markersAfterFirstStart).values()).as("demo data documents")
                    .allMatch(n -> n > 0);

            assertServicesGotTheExtraJvmOptions(first.toHandle());
            new AppealRoundTrip(DATA).run();
            new Open311RoundTrip().run();
            new FrontDoorChecks().run();
            countsAfterFirstStart = collectionCounts(markersAfterFirstStart);
            FrontDoorChecks.serviceDown(first.toHandle());
        } finally {
            stop(first);
        }
        assertThat(portOpen(LocalStack.KAFKA_PORT)).as("broker stopped").isFalse();
        assertThat(portOpen(LocalStack.MONGO_PORT)).as("database stopped").isFalse();

        Process second = launch();
        try {
            assertThat(demoDataMarkers()).as("same markers, same load times: not loaded twice")
                    .isEqualTo(markersAfterFirstStart);
            assertThat(collectionCounts(markersAfterFirstStart)).as("the data survived the restart")
                    .isEqualTo(countsAfterFirstStart);
        } finally {
            stop(second);
        }
    }

    /** ONEGRID_SERVICE_JVM_OPTIONS go after the launcher's own options (so they win) and before {@code -jar}. */
    private static void assertServicesGotTheExtraJvmOptions(ProcessHandle launcher) {
        List<List<String>> commandLines = launcher.children()
                .map(child -> List.of(child.info().arguments().orElse(new String[0])))
                .filter(args -> args.contains("-jar")).toList();
        assertThat(commandLines).hasSize(ServiceSpec.ALL.size());
        for (List<String> args : commandLines) {
            assertThat(args).as(String.join(" ", args)).contains(EXTRA_JVM_OPTION);
            assertThat(args.indexOf(EXTRA_JVM_OPTION)).as(String.join(" ", args))
                    .isGreaterThan(args.indexOf("-XX:TieredStopAtLevel=1"))
                    .isLessThan(args.indexOf("-jar"));
        }
    }

    private Process launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target/local-stack.jar").toAbsolutePath().toString(),
                "--root", ROOT.toString(), "--data", DATA.toString())
                .redirectErrorStream(true);
        builder.environment().put("ONEGRID_SERVICE_JVM_OPTIONS", EXTRA_JVM_OPTION + " -XX:+UseSerialGC");
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("[local-stack] " + line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("READY")) {
                return process;
            }
            if (line == null && !process.isAlive()) {
                throw new AssertionError("local stack exited with " + process.exitValue() + " before READY");
            }
        }
        stop(process);
        throw new AssertionError("local stack not READY within 5 minutes");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped cleanly after SIGTERM").isTrue();
    }

    private Map<String, Document> demoDataMarkers() {
        Map<String, Document> markers = new TreeMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + LocalStack.MONGO_PORT)) {
            for (String name : DATABASES) {
                MongoDatabase db = client.getDatabase(name);
                for (Document marker : db.getCollection("_meta").find()) {
                    if (marker.getString("_id").startsWith("demo-data:")) {
                        markers.put(name + "/" + marker.getString("_id"), marker);
                    }
                }
            }
        }
        return markers;
    }

    /** The live count of every collection a demo-data marker says it filled. */
    private Map<String, Long> collectionCounts(Map<String, Document> markers) {
        Map<String, Long> counts = new TreeMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + LocalStack.MONGO_PORT)) {
            markers.forEach((key, marker) -> {
                MongoDatabase db = client.getDatabase(key.substring(0, key.indexOf('/')));
                Document collections = marker.get("collections", Document.class);
                for (String collection : collections.keySet()) {
                    counts.put(key + "/" + collection, db.getCollection(collection).countDocuments());
                }
            });
        }
        return counts;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
