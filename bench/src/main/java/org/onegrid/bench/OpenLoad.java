package org.onegrid.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-loop load generator: request n is due at {@code start + n / rate} whatever happened to the earlier ones
 * (arrivals do not wait for answers, as hotline calls do not), sent asynchronously over the HTTP client's pool of
 * keep-alive connections. Latency is measured from the moment a request was due, not from when it was sent, so a
 * stalled client or server cannot hide its queueing (no coordinated omission). Bounded: at most {@code maxInFlight}
 * outstanding requests (more count as errors, "backlog"), each with a timeout, and a bounded drain at the end.
 */
final class OpenLoad {

    /** What one step measured. {@code achieved}: 2xx answers per second of the step. */
    record Step(String target, int rate, double seconds, int offered, int ok, int errors, Map<String, Integer> errorKinds,
                double achieved, Latencies.Summary latency) {

        double errorPercent() {
            return offered == 0 ? 0 : errors * 100.0 / offered;
        }

        /** Held: p99 within the bound, errors within the bound, and the answers kept up with the offered rate. */
        boolean sustained(double maxP99Millis, double maxErrorPercent) {
            return ok > 0 && latency.p99() <= maxP99Millis && errorPercent() <= maxErrorPercent
                    && achieved >= 0.95 * rate;
        }

        String why(double maxP99Millis, double maxErrorPercent) {
            if (ok == 0) {
                return "no 2xx";
            }
            if (errorPercent() > maxErrorPercent) {
                return String.format("errors %.1f%% %s", errorPercent(), errorKinds);
            }
            if (latency.p99() > maxP99Millis) {
                return String.format("p99 %.0f ms", latency.p99());
            }
            if (achieved < 0.95 * rate) {
                return String.format("achieved %.0f/s", achieved);
            }
            return "held";
        }
    }

    /** Told of each 2xx: the request's index and the moment its answer arrived (System.nanoTime). */
    interface Acks {
        void ack(long n, long answeredNanos, String body);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final HttpClient client;
    private final int maxInFlight;

    OpenLoad(HttpClient client, int maxInFlight) {
        this.client = client;
        this.maxInFlight = maxInFlight;
    }

    static HttpClient client() {
        // HTTP/1.1 explicitly: with HTTP/2 preferred the client would try an h2c upgrade on every new connection.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    }

    Step run(String target, int rate, Duration duration, LongFunction<HttpRequest.Builder> requests, Acks acks) {
        int offered = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        Latencies latencies = new Latencies();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (long n = 0; n < offered; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                errors.computeIfAbsent("backlog", k -> new AtomicInteger()).incrementAndGet();
                continue;
            }
            HttpRequest request = requests.apply(n).timeout(TIMEOUT).build();
            inFlight.incrementAndGet();
            long index = n;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long answered = System.nanoTime();
                try {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        String kind = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
                        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                    } else if (response.statusCode() / 100 == 2) {
                        latencies.add(answered - due);
                        ok.incrementAndGet();
                        if (acks != null) {
                            acks.ack(index, answered, response.body());
                        }
                    } else {
                        String kind = "HTTP " + response.statusCode();
                        if (errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet() == 1) {
                            String body = response.body();
                            System.out.printf("    first %s from %s: %s%n", kind, target,
                                    body.length() > 300 ? body.substring(0, 300) : body);
                        }
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(1_000_000);
        }
        if (inFlight.get() > 0) {
            errors.computeIfAbsent("unanswered", k -> new AtomicInteger()).addAndGet(inFlight.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> kinds = new TreeMap<>();
        errors.forEach((k, v) -> kinds.put(k, v.get()));
        int errorCount = kinds.values().stream().mapToInt(Integer::intValue).sum();
        // Answers per second over the offered duration, or longer when the answers trailed behind it.
        double achieved = ok.get() / Math.max(duration.toNanos() / 1e9, elapsed);
        return new Step(target, rate, duration.toNanos() / 1e9, offered, ok.get(), errorCount, kinds, achieved,
                latencies.summary());
    }
}
