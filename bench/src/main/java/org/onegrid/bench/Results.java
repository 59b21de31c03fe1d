package org.onegrid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a run: a table of rows (what, figure, target, whether it is met) and the details behind them
 * (each intake step, each query …), with the machine, the versions and the parameters. Printed, and written as
 * JSON and Markdown.
 */
final class Results {

    /** {@code met}: null when the row has no target. */
    record Row(String phase, String what, String figure, String target, Boolean met, String note) {
        String verdict() {
            return met == null ? "" : met ? "met" : "NOT met";
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    final Instant started = Instant.now();
    /** Taken at the start: the load average then says how busy the machine was before the bench added its own. */
    private final Map<String, Object> machine = machine();

    synchronized void add(String phase, String what, String figure, String target, Boolean met, String note) {
        rows.add(new Row(phase, what, figure, target == null ? "" : target, met, note == null ? "" : note));
        System.out.printf("  → %-10s %-55s %s%n", phase, what, figure);
    }

    synchronized void detail(String key, Object value) {
        details.put(key, value);
    }

    synchronized void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    static long machineMemoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("memoryGb", Math.round(machineMemoryBytes() / 1e8) / 10.0);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("shared", "CPU shared with other agents' builds; figures vary with their load");
        return m;
    }

    static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>();
        Properties p = new Properties();
        try (var in = Results.class.getResourceAsStream("/bench-versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // versions unknown
        }
        p.stringPropertyNames().stream().sorted().forEach(k -> v.put(k, p.getProperty(k)));
        v.put("kafka-clients (runtime)", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        v.put("java", Runtime.version().toString());
        return v;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    synchronized String table() {
        int w1 = 10;
        int w2 = rows.stream().mapToInt(r -> r.what().length()).max().orElse(10);
        int w3 = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        int w4 = rows.stream().mapToInt(r -> r.target().length()).max().orElse(6);
        StringBuilder sb = new StringBuilder();
        String format = "%-" + w1 + "s  %-" + w2 + "s  %-" + w3 + "s  %-" + Math.max(6, w4) + "s  %-7s  %s%n";
        sb.append(String.format(format, "phase", "what", "figure", "target", "", "note"));
        sb.append("-".repeat(w1 + w2 + w3 + Math.max(6, w4) + 20)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(format, r.phase(), r.what(), r.figure(), r.target(), r.verdict(), r.note()));
        }
        return sb.toString();
    }

    synchronized void write(Path json, Path markdown, Map<String, Object> parameters, double minutes) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("started", started.toString());
        doc.put("minutes", Math.round(minutes * 10) / 10.0);
        doc.put("machine", machine);
        doc.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        doc.put("versions", versions());
        doc.put("parameters", parameters);
        doc.put("rows", rows);
        doc.put("notes", notes);
        doc.put("details", details);
        Files.createDirectories(json.getParent());
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(json, mapper.writeValueAsString(doc), StandardCharsets.UTF_8);

        StringBuilder md = new StringBuilder("# OneGrid bench — ").append(started).append("\n\n");
        md.append(String.format("Run time %.1f minutes; load average at the end %.1f.%n%n", minutes,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- Versions: ").append(versions()).append('\n');
        md.append("- Parameters: ").append(parameters).append("\n\n");
        md.append("| Phase | What | Figure | Target | | Note |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.phase()).append(" | ").append(r.what()).append(" | ").append(r.figure())
                    .append(" | ").append(r.target()).append(" | ").append(r.verdict()).append(" | ")
                    .append(r.note().replace("|", "\\|")).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\nDetails (each step, each query) are in bench-results.json.\n");
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
    }
}
