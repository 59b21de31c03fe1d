package org.onegrid.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged local stack as its own process, exactly as the system tests run it
 * ({@code java -jar platform/local-stack/target/local-stack.jar --port-offset N --data DIR --control stdin}),
 * with a fresh data directory. Its output goes to {@code local-stack.out} next to the data; the launcher's
 * progress lines are echoed.
 */
final class LocalStackProcess implements AutoCloseable {

    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    final long startedNanos = System.nanoTime();

    private LocalStackProcess(Process process, Path log) throws IOException {
        this.process = process;
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    out.println(line);
                    if (line.startsWith("Started") || line.startsWith("OneGrid is up") || line.startsWith("READY")
                            || line.contains("failed") || line.startsWith("ERROR")) {
                        System.out.println("[local-stack] " + line);
                    }
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                out.close();
            }
        }, "local-stack-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts the stack and waits for READY. {@code environment} is added to the launcher's, which passes its own
     * environment on to every service JVM it starts.
     */
    static LocalStackProcess start(Path root, Path data, int portOffset, List<String> databaseArgs, String heap,
                                   List<String> jvmOptions, Map<String, String> environment, Duration timeout)
            throws Exception {
        Path jar = root.resolve("platform/local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first (bench/run.sh does)");
        }
        deleteRecursively(data);
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The broker and the Mongo-wire database live in the launcher; with the memory store, every
                // document is on its heap.
                "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--root", root.toString(), "--data", data.toString(),
                "--port-offset", String.valueOf(portOffset), "--control", "stdin"));
        command.addAll(databaseArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        LocalStackProcess stack = new LocalStackProcess(builder.start(), data.getParent().resolve("local-stack.out"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stack.ready.await(1, TimeUnit.SECONDS)) {
            if (!stack.process.isAlive()) {
                throw new IllegalStateException("local stack exited with " + stack.process.exitValue()
                        + " before READY (see " + data.getParent().resolve("local-stack.out") + ")");
            }
            if (System.nanoTime() > deadline) {
                stack.close();
                throw new IllegalStateException("local stack not READY within " + timeout);
            }
        }
        return stack;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as Ctrl-C: the launcher stops the services, then the broker and the database. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
