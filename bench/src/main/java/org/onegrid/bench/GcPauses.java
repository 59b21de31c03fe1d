package org.onegrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collection pauses of the stack's JVMs, read from the {@code -Xlog:gc} file each writes ({@link #logOption}):
 * per phase and process, how many, how long in total and the longest. A step's p99 on two busy cores is often a
 * pause of some JVM in the path, and the CPU rows do not show that.
 */
final class GcPauses {

    record Pause(Instant at, double millis) {
    }

    record Summary(int count, double totalMillis, double longestMillis) {
        Summary plus(Pause p) {
            return new Summary(count + 1, totalMillis + p.millis(), Math.max(longestMillis, p.millis()));
        }
    }

    /** A pause as {@code -Xlog:gc} with the {@code time} decoration writes it (G1, serial and parallel collectors). */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^]]+)] GC\\(\\d+\\) Pause .* ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcPauses() {
    }

    /**
     * The JVM option that logs collections to {@code dir/gc-<pid>.log} with wall-clock times; null where the path has
     * white space, which the launcher's option list (split at white space) cannot carry.
     */
    static String logOption(Path dir) {
        String path = dir.toAbsolutePath().toString();
        return path.matches(".*\\s.*") ? null : "-Xlog:gc:file=" + path + "/gc-%p.log:time";
    }

    static List<Pause> parse(List<String> lines) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line.strip());
            if (m.matches()) {
                pauses.add(new Pause(OffsetDateTime.parse(m.group(1), TIME).toInstant(),
                        Double.parseDouble(m.group(2))));
            }
        }
        return pauses;
    }

    /** The pauses in {@code dir/gc-<pid>.log} of each named process; a process without a log has none. */
    static Map<String, List<Pause>> read(Path dir, Map<String, Long> pids) {
        Map<String, List<Pause>> byProcess = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Path log = dir.resolve("gc-" + pid + ".log");
            try {
                byProcess.put(name, Files.isRegularFile(log) ? parse(Files.readAllLines(log)) : List.of());
            } catch (IOException e) {
                byProcess.put(name, List.of());
            }
        });
        return byProcess;
    }

    /**
     * Each pause counted in the phase during which it started; {@code phases} are the phases' start times in order,
     * and a pause before the first start counts in the first phase.
     */
    static Map<String, Map<String, Summary>> byPhase(Map<String, List<Pause>> byProcess,
                                                     List<Map.Entry<String, Instant>> phases) {
        Map<String, Map<String, Summary>> result = new LinkedHashMap<>();
        phases.forEach(p -> result.putIfAbsent(p.getKey(), new LinkedHashMap<>()));
        byProcess.forEach((process, pauses) -> {
            for (Pause pause : pauses) {
                String phase = phases.get(0).getKey();
                for (Map.Entry<String, Instant> p : phases) {
                    if (!pause.at().isBefore(p.getValue())) {
                        phase = p.getKey();
                    }
                }
                result.get(phase).merge(process, new Summary(1, pause.millis(), pause.millis()),
                        (a, b) -> a.plus(pause));
            }
        });
        result.values().removeIf(Map::isEmpty);
        return result;
    }
}
