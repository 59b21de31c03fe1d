package org.onegrid.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform, packaged, on its own ports: poison on every topic, a crash of ticket-service under load, a
 * broker outage, a replay of analytics, a hostile input corpus and the access matrix. Nothing accepted is lost,
 * nothing is doubled, nothing hostile gets a 5xx. The phases share one stack and run in order; the summary is
 * printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    private static final Path ROOT = Path.of(System.getProperty("onegrid.root", "..")).toAbsolutePath().normalize();
    private static final int CRASH_CASES = Integer.getInteger("onegrid.system-tests.crash-cases", 900);
    private static final double CRASH_RATE = Double.parseDouble(System.getProperty("onegrid.system-tests.rate", "25"));
    private static final int OUTAGE_CASES = Integer.getInteger("onegrid.system-tests.outage-cases", 300);
    /** What the services emit on their own, on schedule, without any request. */
    private static final Set<String> CLOCK_DRIVEN_EVENTS = Set.of("onegrid.ticket.warned.v1",
            "onegrid.ticket.escalated.v1", "onegrid.talent.service-request-overdue.v1", "onegrid.center.wish-expired.v1");

    private Stack stack;
    private StackDatabases databases;
    private final Http http = new Http();
    private List<IntakeStream> streams;
    private String admin;
    private String analyst;
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final LoadLedger ledger = new LoadLedger(summary);
    private List<Poison.Sent> poison = List.of();

    @BeforeAll
    void startStack() throws Exception {
        stack = Stack.start(ROOT, Path.of("target/system-test-data").toAbsolutePath());
        databases = new StackDatabases("mongodb://127.0.0.1:" + Stack.MONGO);
        streams = List.of(new GridReports(http, 20), new HotlineCases(http), new Open311Requests(http));
        admin = http.token("st-admin", "admin", null, null);
        analyst = http.token("st-analyst", "analyst", null, null);
    }

    @AfterAll
    void stopStack() throws Exception {
        System.out.println();
        System.out.println("==== OneGrid reliability summary ====");
        summary.forEach((k, v) -> System.out.printf("  %-34s %s%n", k, v));
        System.out.println("=====================================");
        if (databases != null) {
            databases.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void poisonOnEveryTopicIsSetAside() throws Exception {
        // Sent first, so that everything the later phases send is "a valid event after them".
        poison = Poison.produce();
        summary.put("poison records sent", poison.size() + " on " + Poison.TOPICS.size() + " topics");
    }

    @Test
    @Order(2)
    void crashOfTicketServiceUnderLoadLosesAndDoublesNothing() throws Exception {
        LoadDriver driver = new LoadDriver();
        int killAt = CRASH_CASES / 3;
        List<CompletableFuture<Void>> crash = new ArrayList<>();
        long started = System.nanoTime();
        Map<String, LoadDriver.Outcome> outcomes = driver.run(streams, "st-crash", CRASH_CASES, CRASH_RATE, n -> {
            if (n == killAt) {
                crash.add(CompletableFuture.runAsync(() -> {
                    try {
                        stack.kill("ticket-service");
                        stack.restart("ticket-service");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
        });
        crash.forEach(CompletableFuture::join);
        summary.put("crash run", String.format("%d cases in %.0f s, ticket-service SIGKILLed at case %d",
                CRASH_CASES, (System.nanoTime() - started) / 1e9, killAt));
        ledger.record(outcomes, driver, "crash");
    }

    @Test
    @Order(3)
    void brokerOutageNeverAcknowledgesWhatItThenLoses() throws Exception {
        LoadDriver driver = new LoadDriver();
        double rate = 20;
        int stopAt = (int) (rate * 3);
        int startAt = (int) (rate * 13);
        List<CompletableFuture<Void>> outage = new ArrayList<>();
        Map<String, LoadDriver.Outcome> outcomes = driver.run(streams, "st-outage", OUTAGE_CASES, rate, n -> {
            if (n == stopAt) {
                outage.add(CompletableFuture.runAsync(() -> run(stack::stopBroker)));
            }
            if (n == startAt) {
                outage.forEach(CompletableFuture::join);
                // Evidence that accepted cases waited in the outboxes while the broker was away.
                summary.put("outbox entries waiting for the broker", databases.undelivered());
                outage.add(CompletableFuture.runAsync(() -> run(stack::startBroker)));
            }
        });
        outage.forEach(CompletableFuture::join);
        summary.put("broker outage", "broker stopped ~10 s during " + OUTAGE_CASES + " cases");
        ledger.record(outcomes, driver, "outage");
    }

    @Test
    @Order(4)
    void everyAcceptedCaseIsExactlyOneTicketCountedOnceAndTheOutboxDrained() throws Exception {
        MongoDatabase ticketDb = databases.database("onegrid-ticket");
        var tickets = ticketDb.getCollection("tickets");
        List<String> duplicates = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> wrongTicket = new ArrayList<>();
        int made = 0;
        for (IntakeStream stream : streams) {
            Map<String, Integer> perKey = new HashMap<>();
            Map<String, String> idPerKey = new HashMap<>();
            for (Document d : tickets.find(stream.stored())
                    .projection(Projections.include("_id", "clientRequestId", "sourceRef", "description"))) {
                String key = stream.keyOf(d);
                if (key != null) {
                    perKey.merge(key, 1, Integer::sum);
                    idPerKey.put(key, String.valueOf(d.get("_id")));
                }
            }
            List<LoadDriver.Outcome> ok = ledger.accepted.values().stream()
                    .filter(o -> o.stream().equals(stream.name())).toList();
            List<String> doubled = perKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .toList();
            List<String> missing = ok.stream().map(LoadDriver.Outcome::key).filter(k -> !perKey.containsKey(k))
                    .toList();
            wrongTicket.addAll(ok.stream().filter(o -> perKey.containsKey(o.key())
                    && !idPerKey.get(o.key()).equals(o.ticketId())).map(LoadDriver.Outcome::key).toList());
            List<String> unknownKeys = ledger.unknown.values().stream()
                    .filter(o -> o.stream().equals(stream.name())).map(LoadDriver.Outcome::key).toList();
            long unknownMade = unknownKeys.stream().filter(perKey::containsKey).count();
            duplicates.addAll(doubled);
            lost.addAll(missing);
            made += perKey.size();
            summary.put(stream.name() + ": accepted / tickets", ok.size() + " / " + perKey.size()
                    + " (duplicates " + doubled.size() + ", lost " + missing.size()
                    + (unknownKeys.isEmpty() ? "" : ", outcome unknown " + unknownKeys.size() + " of which "
                    + unknownMade + " made a ticket") + ")");
        }
        summary.put("tickets made by the suite", made);
        summary.put("duplicates", duplicates.size());
        summary.put("lost (2xx but no ticket)", lost.size());
        assertThat(duplicates).as("tickets doubled").isEmpty();
        assertThat(lost).as("accepted cases without a ticket").isEmpty();
        assertThat(wrongTicket).as("accepted cases answered with another ticket's id").isEmpty();

        eventually("outboxes drained", Duration.ofSeconds(120),
                () -> databases.undelivered().isEmpty() ? true : null);
        summary.put("outbox entries left", 0);

        Map<String, Long> expected = new TreeMap<>();
        for (Document d : tickets.find().projection(Projections.include("districtCode"))) {
            expected.merge(String.valueOf(d.getString("districtCode")), 1L, Long::sum);
        }
        Map<String, Long>[] last = new Map[1];
        try {
            eventually("analytics counts every ticket once", Duration.ofSeconds(120), () -> {
                last[0] = receivedPerDistrict();
                return last[0].equals(expected) ? true : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError("analytics received per district " + last[0] + ", tickets per district "
                    + expected, e);
        }
        summary.put("tickets per district (= analytics)", expected);
    }

    @Test
    @Order(5)
    void poisonWentToTheDeadLetterTopicsWithItsReason() {
        // Every bad record — malformed, not an envelope, unknown type, future version, a known type with an empty or
        // meaningless payload — must be set aside by every consumer group of its topic, with the reason.
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Poison.Sent p : poison) {
            Poison.TOPICS.stream().filter(t -> t.name().equals(p.topic()) && t.consumed())
                    .forEach(t -> expected.put(p.key(), t.groups()));
        }
        List<String> dlts = Poison.TOPICS.stream().filter(Poison.Topic::consumed).map(t -> t.name() + ".DLT").toList();
        Set<String> all = poison.stream().map(Poison.Sent::key).collect(Collectors.toSet());
        Map<String, List<Poison.Dead>> found = Poison.deadLetters(dlts, expected, all, Duration.ofSeconds(90));
        summary.put("DLT records (poison)", found.entrySet().stream().filter(e -> !e.getKey().equals(Poison.OTHERS))
                .mapToInt(e -> e.getValue().size()).sum() + " for " + poison.size() + " records");
        List<String> missing = new ArrayList<>();
        for (Poison.Sent p : poison) {
            List<Poison.Dead> dead = found.getOrDefault(p.key(), List.of());
            Set<String> groups = dead.stream().map(Poison.Dead::group)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!dead.isEmpty()) {
                summary.put("  DLT " + p.topic().replace("onegrid.", "") + " " + p.kind(), groups + " "
                        + abbreviate(dead.get(0).reason()));
            }
            List<String> want = expected.getOrDefault(p.key(), List.of());
            if (!groups.containsAll(want)) {
                missing.add(p.topic() + " " + p.kind() + ": dead-lettered by " + groups + ", expected " + want);
            }
        }
        List<Poison.Dead> others = found.getOrDefault(Poison.OTHERS, List.of());
        summary.put("DLT records of real events", others.size());
        assertThat(missing).as("poison records not dead-lettered by every consumer group of their topic").isEmpty();
        assertThat(others).as("real events dead-lettered (a producer sends what its consumers refuse)").isEmpty();
        assertThat(found.values().stream().flatMap(List::stream)).as("each with a reason")
                .allMatch(d -> !d.reason().isBlank());
    }

    @Test
    @Order(6)
    void analyticsRebuiltFromTheTopicsEqualsTheLiveViews() throws Exception {
        List<String> views = List.of("/api/analytics/tickets/figures", "/api/analytics/tickets/figures?groupBy=DISTRICT",
                "/api/analytics/tickets/figures?groupBy=CHANNEL", "/api/analytics/league");
        Map<String, JsonNode> live = new LinkedHashMap<>();
        for (String v : views) {
            Http.Response r = http.get(v, analyst);
            assertThat(r.status()).as(v + " " + r.raw()).isEqualTo(200);
            live.put(v, r.json());
        }
        Http.Response started = http.post("/api/analytics/admin/rebuild", admin, null);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String id = started.json().path("id").asString();
        JsonNode done = eventually("rebuild done", Duration.ofSeconds(180), () -> {
            JsonNode p = http.get("/api/analytics/admin/rebuild", admin).json();
            assertThat(p.path("state").asString()).as(p.toString()).isNotEqualTo("FAILED");
            return id.equals(p.path("id").asString()) && "DONE".equals(p.path("state").asString()) ? p : null;
        });
        summary.put("replay", done.path("processed").asLong() + " records, " + done.path("invalid").asLong()
                + " invalid skipped");
        for (String v : views) {
            assertThat(http.get(v, analyst).json()).as("rebuilt " + v).isEqualTo(live.get(v));
        }
    }

    @Test
    @Order(7)
    void hostileInputIsRefusedCleanlyAndChangesNothing() throws Exception {
        String tyTicket = ticketOf("TY");
        Map<String, String> tokens = new HashMap<>();
        // What consumers write (inboxes, views) must stand still first, or their catching up looks like a change.
        Poison.awaitConsumersCaughtUp(Duration.ofSeconds(180));
        Instant corpusStarted = Instant.now();
        Map<String, Long> before = databases.documentCounts();
        List<HostileCorpus.Case> corpus = HostileCorpus.build(tyTicket);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (HostileCorpus.Case c : corpus) {
            String token = null;
            if (c.caller() != null) {
                var who = c.caller();
                token = tokens.computeIfAbsent(who.role() + who.district() + who.department(), k -> call(() ->
                        http.token("st-hostile-" + who.role(), who.role(), who.district(), who.department())));
            }
            Http.Response r = http.send(c.method(), c.path(), token, c.body(), c.headers());
            String why = CleanRefusal.verdict(c.path(), r);
            if (why == null) {
                refused++;
            } else {
                failures.add(c.name() + " -> " + r.status() + " " + why + ": " + abbreviate(r.raw()));
            }
        }
        eventually("outboxes drained", Duration.ofSeconds(60),
                () -> databases.undelivered().isEmpty() ? true : null);
        Poison.awaitConsumersCaughtUp(Duration.ofSeconds(180));
        Map<String, Long> after = databases.documentCounts();
        summary.put("hostile inputs tried / refused", corpus.size() + " / " + refused);
        System.out.println("Hostile input cases: " + corpus.size());
        assertThat(failures).as("hostile inputs not refused cleanly").isEmpty();
        assertThat(after).as("documents per collection, before and after the corpus").isEqualTo(before);
        assertThat(databases.eventsConsumedSince(corpusStarted))
                .as("events consumed while the corpus ran (only the clock's)")
                .isSubsetOf(CLOCK_DRIVEN_EVENTS);
    }

    @Test
    @Order(8)
    void everyRoleIsRefusedOtherRolesCommandsAndOtherDistrictsData() throws Exception {
        List<AccessMatrix.Attempt> attempts = AccessMatrix.build(ticketOf("TY"), ticketOf("HT"));
        Map<String, String> tokens = new HashMap<>();
        List<String> leaks = new ArrayList<>();
        for (AccessMatrix.Attempt a : attempts) {
            String token = a.role() == null ? null : tokens.computeIfAbsent(a.role(), k -> call(() ->
                    http.token("st-access-" + a.role(), a.role(), a.district(), a.department())));
            Http.Response r = http.send(a.method(), a.path(), token,
                    a.body() == null ? null : a.body().getBytes(StandardCharsets.UTF_8), a.headers());
            if (r.status() != 401 && r.status() != 403) {
                leaks.add(a.who() + " " + a.method() + " " + a.path() + " -> " + r.status() + " "
                        + abbreviate(r.raw()));
            }
        }
        // A district's dispatcher listing without naming a district sees their own district only.
        String ty = tokens.get("dispatcher");
        JsonNode page = http.get("/api/tickets?size=100", ty).json();
        for (JsonNode t : page.path("items")) {
            if (!"TY".equals(t.path("districtCode").asString())) {
                leaks.add("dispatcher TY listed a ticket of " + t.path("districtCode").asString());
                break;
            }
        }
        summary.put("access attempts / refused", attempts.size() + " / " + (attempts.size() - leaks.size()));
        assertThat(leaks).as("access that should have been refused").isEmpty();
    }

    // ---- helpers ----

    private String ticketOf(String district) {
        String id = databases.reportedSystemTestTicketIn(district);
        assertThat(id).as("a reported ticket in " + district).isNotNull();
        return id;
    }

    private Map<String, Long> receivedPerDistrict() throws Exception {
        Http.Response r = http.get("/api/analytics/tickets/figures?groupBy=DISTRICT", analyst);
        Map<String, Long> received = new TreeMap<>();
        for (JsonNode row : r.json().path("rows")) {
            received.merge(row.path("key").isNull() ? "null" : row.path("key").asString(),
                    row.path("figures").path("received").asLong(), Long::sum);
        }
        return received;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    private static <T> T eventually(String what, Duration within, Callable<T> probe) {
        return Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(500))
                .until(probe, java.util.Objects::nonNull);
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void run(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T call(Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
