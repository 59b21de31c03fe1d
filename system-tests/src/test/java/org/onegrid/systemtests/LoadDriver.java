package org.onegrid.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sends {@code count} cases at a steady rate, each retried like a well-behaved client would (same idempotency key,
 * on connection errors, 5xx and 429, with backoff, for a bounded time), and records how each one ended.
 */
final class LoadDriver {

    enum Result { ACCEPTED, REFUSED, UNEXPECTED }

    record Outcome(String key, Result result, int status, String ticketId, int attempts, String detail) {
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);
    final AtomicInteger requestsSent = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    /** Runs the load; {@code at} is told the index of each case as it is scheduled (to crash things mid-way). */
    Map<String, Outcome> run(IntakeStream stream, String prefix, int count, double perSecond, IntConsumer at)
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
            String key = prefix + "-" + n;
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
        while (true) {
            attempts++;
            requestsSent.incrementAndGet();
            try {
                Http.Response r = stream.send(n, key);
                lastStatus = r.status();
                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                if (r.status() >= 200 && r.status() < 300) {
                    return new Outcome(key, Result.ACCEPTED, r.status(), stream.ticketId(r), attempts, null);
                }
                detail = r.raw();
                if (r.status() >= 500) {
                    serverErrors.incrementAndGet();
                } else if (r.status() != 429) {
                    return new Outcome(key, Result.UNEXPECTED, r.status(), null, attempts, r.raw());
                }
            } catch (IOException e) {
                detail = e.toString();
                lastStatus = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(key, Result.REFUSED, lastStatus, null, attempts, "interrupted");
            } catch (Exception e) {
                return new Outcome(key, Result.UNEXPECTED, lastStatus, null, attempts, e.toString());
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(key, Result.REFUSED, lastStatus, null, attempts, detail);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(key, Result.REFUSED, lastStatus, null, attempts, "interrupted");
            }
            backoff = Math.min(backoff * 2, 3000);
        }
    }
}
