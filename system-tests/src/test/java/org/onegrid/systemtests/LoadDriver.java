package org.onegrid.systemtests;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sends {@code count} cases at a steady rate, taking the streams in turn, each case retried like a well-behaved
 * client would (same key, with backoff, for a bounded time), and records how each one ended. On an idempotent
 * stream a client retries connection errors, 5xx and 429; on one that is not (Open311), only answers that prove the
 * request was not processed (429, 503, connection refused) — anything else leaves the outcome {@code UNKNOWN}.
 */
final class LoadDriver {

    enum Result { ACCEPTED, REFUSED, UNKNOWN, UNEXPECTED }

    record Outcome(String stream, String key, Result result, int status, String ticketId, int attempts,
                   String detail) {
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);
    final AtomicInteger requestsSent = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    /**
     * Runs the load: case {@code n} goes through {@code streams.get(n % streams.size())} under the key
     * {@code prefix-<tag>-n}; {@code at} is told the index of each case as it is scheduled (to crash things mid-way).
     */
    Map<String, Outcome> run(List<IntakeStream> streams, String prefix, int count, double perSecond, IntConsumer at)
            throws InterruptedException {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = start + (long) (n * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            at.accept(n);
            int i = n;
            IntakeStream stream = streams.get(n % streams.size());
            String key = prefix + "-" + stream.tag() + "-" + n;
            pool.submit(() -> outcomes.put(key, sendUntilAnswered(stream, i, key)));
        }
        pool.shutdown();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.plusSeconds(90).toNanos();
        while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            System.out.printf("[load %s] %d of %d answered, %d requests sent, statuses %s%n", prefix,
                    outcomes.size(), count, requestsSent.get(), statuses);
            if (System.nanoTime() > deadline) {
                pool.shutdownNow();
                throw new AssertionError("load did not finish: " + outcomes.size() + " of " + count + " answered, "
                        + "statuses " + statuses);
            }
        }
        return outcomes;
    }

    private Outcome sendUntilAnswered(IntakeStream stream, int n, String key) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoff = 200;
        int attempts = 0;
        int lastStatus = 0;
        String detail = null;
        String name = stream.name();
        while (true) {
            attempts++;
            requestsSent.incrementAndGet();
            try {
                Http.Response r = stream.send(n, key);
                lastStatus = r.status();
                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                if (r.status() >= 200 && r.status() < 300) {
                    return new Outcome(name, key, Result.ACCEPTED, r.status(), stream.ticketId(r), attempts, null);
                }
                detail = r.raw();
                if (r.status() >= 500) {
                    serverErrors.incrementAndGet();
                    if (!stream.idempotent() && r.status() != 503) {
                        return new Outcome(name, key, Result.UNKNOWN, r.status(), null, attempts, r.raw());
                    }
                } else if (r.status() != 429) {
                    return new Outcome(name, key, Result.UNEXPECTED, r.status(), null, attempts, r.raw());
                }
            } catch (IOException e) {
                detail = e.toString();
                lastStatus = -1;
                if (!stream.idempotent() && !(e instanceof ConnectException)) {
                    return new Outcome(name, key, Result.UNKNOWN, lastStatus, null, attempts, detail);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(name, key, Result.REFUSED, lastStatus, null, attempts, "interrupted");
            } catch (Exception e) {
                return new Outcome(name, key, Result.UNEXPECTED, lastStatus, null, attempts, e.toString());
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(name, key, Result.REFUSED, lastStatus, null, attempts, detail);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(name, key, Result.REFUSED, lastStatus, null, attempts, "interrupted");
            }
            backoff = Math.min(backoff * 2, 3000);
        }
    }
}
