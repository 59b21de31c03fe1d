package org.onegrid.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged local stack ({@code platform/local-stack/target/local-stack.jar}) as its own process, on ports shifted
 * by {@link #OFFSET} so it runs beside a developer's stack, steered through its {@code --control stdin} commands:
 * kill one service with SIGKILL, start it again, stop and start the broker.
 */
final class Stack implements AutoCloseable {

    static final int OFFSET = Integer.getInteger("onegrid.system-tests.port-offset", 100);
    static final int GATEWAY = 8080 + OFFSET;
    static final int MONGO = 27017 + OFFSET;
    static final int KAFKA = 9092 + OFFSET;

    private final Process process;
    private final Writer control;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final Path data;

    private Stack(Process process, Path data) {
        this.process = process;
        this.data = data;
        this.control = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("[local-stack] " + line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "local-stack-output");
        pump.setDaemon(true);
        pump.start();
    }

    static Stack start(Path root, Path data) throws Exception {
        deleteRecursively(data);
        Path jar = root.resolve("platform/local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first");
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--root", root.toString(), "--data", data.toString(),
                "--port-offset", String.valueOf(OFFSET), "--control", "stdin")
                .redirectErrorStream(true)
                .start();
        Stack stack = new Stack(process, data);
        stack.await(line -> line.startsWith("READY"), Duration.ofMinutes(4), "READY");
        return stack;
    }

    void kill(String module) throws Exception {
        command("kill " + module, Duration.ofSeconds(40));
    }

    void restart(String module) throws Exception {
        command("restart " + module, Duration.ofMinutes(3));
    }

    void stopBroker() throws Exception {
        command("stop-broker", Duration.ofMinutes(2));
    }

    void startBroker() throws Exception {
        command("start-broker", Duration.ofMinutes(2));
    }

    private synchronized void command(String command, Duration timeout) throws Exception {
        lines.clear();
        control.write(command + "\n");
        control.flush();
        String answer = await(line -> line.equals("OK " + command) || line.startsWith("ERROR " + command), timeout,
                "answer to " + command);
        if (answer.startsWith("ERROR")) {
            throw new IllegalStateException(answer);
        }
    }

    private String await(java.util.function.Predicate<String> wanted, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("local stack exited with " + process.exitValue() + " before " + what);
            }
        }
        throw new IllegalStateException("no " + what + " within " + timeout);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void deleteRecursively(Path dir) {
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
