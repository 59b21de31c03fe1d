package org.onegrid.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.onegrid.embedded.KraftBroker;
import org.onegrid.embedded.MongoWireServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One broker and one database per test JVM, started on first use and stopped when the JVM exits. Starting them once
 * keeps a module's integration tests fast; tests isolate themselves by database name and fresh ids.
 *
 * <p>{@code -Donegrid.test.infra=embedded|containers} (or the env var {@code ONEGRID_TEST_INFRA}) forces a choice;
 * the default uses Testcontainers when a Docker engine answers and the in-process pair otherwise.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start(choice());
            log.info("Integration infrastructure ({}): kafka={} mongo={}", instance.kind(),
                    instance.kafkaBootstrapServers(), instance.mongoUri());
        }
        return instance;
    }

    private static String choice() {
        String forced = System.getProperty("onegrid.test.infra", System.getenv("ONEGRID_TEST_INFRA"));
        if (forced != null && !forced.isBlank() && !"auto".equals(forced)) {
            return forced;
        }
        return dockerAvailable() ? "containers" : "embedded";
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Infrastructure start(String kind) {
        return switch (kind) {
            case "containers" -> containers();
            case "embedded" -> embedded();
            default -> throw new IllegalArgumentException("onegrid.test.infra must be embedded or containers: " + kind);
        };
    }

    private static Infrastructure embedded() {
        Path dir;
        try {
            dir = Files.createTempDirectory("onegrid-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KraftBroker broker = KraftBroker.start(0, dir);
        MongoWireServer mongo = MongoWireServer.inMemory();
        // The broker is not shut down at exit: Spring's cached test contexts close in their own shutdown hook, at the
        // same time, and a broker going away under their consumers makes the JVM hang until Surefire kills it.
        // It lives in this JVM and in a temp dir, so the exit ends it; the data dir is removed.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Deleting the data dir under the running broker fails its only log dir, and the broker then halts the
            // JVM with status 1, which Surefire reports as a crashed fork although every test passed.
            org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) -> { });
            mongo.close();
            deleteQuietly(dir);
        }, "onegrid-test-infra-stop"));
        return new Fixed(broker.bootstrapServers(), mongo.connectionString(), "embedded");
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: it is a temp dir
        }
    }

    private static Infrastructure containers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            kafka.stop();
        }, "onegrid-test-containers-stop"));
        return new Fixed(kafka.getBootstrapServers(), mongo.getConnectionString(), "containers");
    }

    private record Fixed(String kafkaBootstrapServers, String mongoUri, String kind) implements Infrastructure {
    }
}
