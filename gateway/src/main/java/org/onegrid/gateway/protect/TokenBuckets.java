package org.onegrid.gateway.protect;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.onegrid.gateway.GatewaySettings.Limit;

/**
 * One token bucket per client, in memory: a client may burst up to the bucket's capacity and then gets tokens back
 * at the refill rate. In-memory is enough for one gateway instance; several instances would each allow the limit.
 * Memory stays bounded by sweeping full buckets once there are many clients.
 */
public class TokenBuckets {

    /** Outcome of taking a token; {@code retryAfter} is how long until one is back (zero when allowed). */
    public record Decision(boolean allowed, Duration retryAfter, long remaining) {
    }

    private static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long last;

        Bucket(Limit limit, long now) {
            this.capacity = limit.capacity();
            this.tokensPerNano = (double) limit.refill() / limit.period().toNanos();
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Decision take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, Duration.ZERO, (long) tokens);
            }
            long wait = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(wait), 0);
        }

        /** Refilled to the brim since last use: forgetting it changes nothing for its client. */
        synchronized boolean idle(long now) {
            return tokens + (now - last) * tokensPerNano >= capacity;
        }
    }

    /** Past this many clients, buckets that have refilled completely are dropped (anonymous IPs come and go). */
    static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Function<String, Limit> limits;
    private final Clock clock;

    public TokenBuckets(Function<String, Limit> limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public Decision take(String client) {
        long now = nanos();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.idle(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(limits.apply(c), now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
