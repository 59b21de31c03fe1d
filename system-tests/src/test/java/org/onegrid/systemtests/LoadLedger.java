package org.onegrid.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the load phases' cases (crash, outage) ended as: the accepted ones and those whose answer never came, for the
 * later checks that each is exactly one ticket; and per phase, what goes into the summary.
 */
final class LoadLedger {

    final Map<String, LoadDriver.Outcome> accepted = new LinkedHashMap<>();
    final Map<String, LoadDriver.Outcome> unknown = new LinkedHashMap<>();
    private final Map<String, Object> summary;

    LoadLedger(Map<String, Object> summary) {
        this.summary = summary;
    }

    /** Files a phase's outcomes, and checks that the load got only acceptances and retryable refusals. */
    void record(Map<String, LoadDriver.Outcome> outcomes, LoadDriver driver, String phase) {
        Map<LoadDriver.Result, Long> byResult = outcomes.values().stream()
                .collect(Collectors.groupingBy(LoadDriver.Outcome::result, TreeMap::new, Collectors.counting()));
        summary.put(phase + ": cases sent", outcomes.size() + " (" + driver.requestsSent.get() + " requests, "
                + "retried 5xx " + driver.serverErrors.get() + ")");
        summary.put(phase + ": outcomes", byResult);
        summary.put(phase + ": statuses", new TreeMap<>(driver.statuses));
        outcomes.values().stream().filter(o -> o.result() == LoadDriver.Result.ACCEPTED)
                .forEach(o -> accepted.put(o.key(), o));
        outcomes.values().stream().filter(o -> o.result() == LoadDriver.Result.UNKNOWN)
                .forEach(o -> unknown.put(o.key(), o));
        Map<String, Map<LoadDriver.Result, Long>> perStream = outcomes.values().stream()
                .collect(Collectors.groupingBy(LoadDriver.Outcome::stream, TreeMap::new, Collectors.groupingBy(
                        LoadDriver.Outcome::result, TreeMap::new, Collectors.counting())));
        perStream.forEach((stream, results) -> summary.put(phase + ": " + stream, results));
        List<LoadDriver.Outcome> unexpected = outcomes.values().stream()
                .filter(o -> o.result() == LoadDriver.Result.UNEXPECTED).limit(5).toList();
        assertThat(unexpected).as("answers that are neither acceptance nor a retryable refusal").isEmpty();
        assertThat(driver.statuses.keySet()).as("while a service or the broker is down: 503 (or 502/504), never a 500")
                .allMatch(status -> status < 500 || status == 502 || status == 503 || status == 504);
        assertThat(byResult.getOrDefault(LoadDriver.Result.ACCEPTED, 0L)).as("most cases accepted in the end")
                .isGreaterThan(outcomes.size() * 9L / 10);
    }
}
