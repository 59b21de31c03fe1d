package org.onegrid.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 2: how long after a hotline case's 2xx analytics' figures include it. Cases go through the gateway at a
 * steady rate, all in one district (Yucai, YC, which the intake phase does not use: its cases carry coordinates in
 * Tianya/Jiyang) so the figure polled counts only them plus a fixed baseline. A poller asks analytics (directly,
 * gateway-signed) for {@code received} with {@code district=YC&channel=HOTLINE_12345} every 20 ms.
 *
 * <p>Attribution (an approximation): when a poll answered at time t shows the count grown from c to c', the cases
 * acknowledged (k-th 2xx in time order) with k in [c, c') are taken to have become visible at t; their freshness
 * is t minus their 2xx time. This assumes analytics takes cases in acknowledgement order (it nearly does: three
 * partitions, one consumer), and t is the end of the poll, so each figure is an upper bound by up to one poll
 * (interval + query time, reported alongside).
 *
 * <p>A run meets the target only if the stack answered at least 95 % of the offered rate. At a rate it cannot take,
 * the answers queue behind the work: many cases are in the figures before their 2xx reaches the load generator
 * (counted as 0, see the note), so the figure says little about freshness at that rate.
 */
final class FreshnessPhase {

    private static final String FIGURES = "/api/analytics/tickets/figures?district=YC&channel=HOTLINE_12345";
    private static final long POLL_MILLIS = 20;

    /** {@code achieved}: 2xx answers per second of the run; {@code answers}: their latencies. */
    record Run(int rate, int acked, int seen, Latencies.Summary freshness, Latencies.Summary poll, double achieved,
               Latencies.Summary answers, String note) {
        /** The rate was taken, not only offered: freshness at a rate the stack cannot take says little. */
        boolean rateHeld() {
            return achieved >= 0.95 * rate;
        }
    }

    private final Api api;
    private final BenchOptions options;
    private final String run;

    FreshnessPhase(Api api, BenchOptions options, String run) {
        this.api = api;
        this.options = options;
        this.run = run;
    }

    Run measure(int rate) throws Exception {
        // Earlier phases leave events behind; a run must not measure their backlog.
        long t = System.nanoTime();
        long behind = new Lag("127.0.0.1:" + options.kafkaPort()).awaitAnalytics(options.catchUpSeconds());
        String before = behind == 0 ? String.format("analytics caught up %.0f s before the run", (System.nanoTime() - t) / 1e9)
                : String.format("analytics still %,d events behind after %d s", behind, options.catchUpSeconds());
        long base = received();
        List<Long> acks = new ArrayList<>();
        List<long[]> polls = new ArrayList<>();
        Latencies pollTimes = new Latencies();
        var sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            long deadline = Long.MAX_VALUE;
            while (true) {
                long t0 = System.nanoTime();
                long count;
                try {
                    count = received();
                } catch (Exception e) {
                    count = -1;
                }
                long t1 = System.nanoTime();
                pollTimes.add(t1 - t0);
                if (count >= 0) {
                    synchronized (polls) {
                        polls.add(new long[]{t1, count});
                    }
                }
                if (!sending.get()) {
                    if (deadline == Long.MAX_VALUE) {
                        deadline = t1 + Duration.ofSeconds(45).toNanos();
                    }
                    int acked;
                    synchronized (acks) {
                        acked = acks.size();
                    }
                    if (count >= base + acked || t1 > deadline) {
                        return;
                    }
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "freshness-poller");
        poller.start();
        HotlineCases cases = new HotlineCases(run + "-f" + rate);
        OpenLoad.Step step = new OpenLoad(OpenLoad.client(), 4000).run("freshness", rate,
                Duration.ofSeconds(options.freshnessSeconds()),
                n -> api.hotlineCase(true, cases.inDistrict(n, "YC")),
                (n, answered, body) -> {
                    if (body.contains("\"outcome\":\"CREATED\"")) {
                        synchronized (acks) {
                            acks.add(answered);
                        }
                    }
                });
        sending.set(false);
        poller.join();
        List<Long> sorted;
        synchronized (acks) {
            sorted = acks.stream().sorted().toList();
        }
        Latencies freshness = new Latencies();
        long previous = base;
        long last = base;
        int negative = 0;
        synchronized (polls) {
            for (long[] p : polls) {
                long count = p[1];
                for (long k = previous - base; k < count - base && k < sorted.size(); k++) {
                    long d = p[0] - sorted.get((int) k);
                    if (d < 0) {
                        negative++;
                    }
                    freshness.add(Math.max(0, d));
                }
                previous = Math.max(previous, count);
                last = count;
            }
        }
        int seen = (int) Math.min(sorted.size(), Math.max(0, last - base));
        String note = String.format("%s; %d sent, %d 2xx (%s), %.0f/s answered (2xx p99 %.0f ms); %d counted before "
                        + "their 2xx arrived (clamped to 0)", before, step.offered(), step.ok(),
                step.errorKinds().isEmpty() ? "no errors" : step.errorKinds(), step.achieved(), step.latency().p99(),
                negative);
        return new Run(rate, sorted.size(), seen, freshness.summary(), pollTimes.summary(), step.achieved(),
                step.latency(), note);
    }

    void run(List<Integer> rates, Results results) throws Exception {
        List<Map<String, Object>> detail = new ArrayList<>();
        for (int rate : rates) {
            Run r = measure(rate);
            System.out.printf("  freshness at %d/s: %d of %d seen, p50 %.0f ms, p99 %.0f ms (poll p50 %.0f ms)%n",
                    rate, r.seen(), r.acked(), r.freshness().p50(), r.freshness().p99(), r.poll().p50());
            String figure = r.freshness().count() == 0 ? "nothing seen"
                    : String.format("p50 %.0f ms, p99 %.0f ms (%d of %d cases seen%s)", r.freshness().p50(),
                    r.freshness().p99(), r.seen(), r.acked(),
                    r.rateHeld() ? "" : String.format("; answered at only %.0f/s", r.achieved()));
            boolean atTarget = rate >= 500;
            results.add("freshness", "2xx → analytics figures at " + rate + "/s", figure,
                    atTarget ? "p99 ≤ 1 s at 500/s" : null,
                    atTarget ? r.freshness().count() > 0 && r.seen() == r.acked() && r.freshness().p99() <= 1000
                            && r.rateHeld() : null,
                    String.format("poll p50 %.0f ms every %d ms; %s", r.poll().p50(), POLL_MILLIS, r.note()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rate", rate);
            m.put("acked", r.acked());
            m.put("seen", r.seen());
            m.put("freshnessMs", r.freshness());
            m.put("pollMs", r.poll());
            m.put("achievedPerSecond", r.achieved());
            m.put("answerMs", r.answers());
            m.put("note", r.note());
            detail.add(m);
            IntakePhase.pause(3000);
        }
        results.detail("freshness", detail);
    }

    private long received() throws Exception {
        Api.Response r = api.getDirect(api.analytics(FIGURES), "analyst");
        if (r.status() != 200) {
            throw new IllegalStateException("figures: " + r.status() + " " + r.body());
        }
        var rows = r.json().path("rows");
        return rows.isEmpty() ? 0 : rows.get(0).path("figures").path("received").asLong();
    }
}
