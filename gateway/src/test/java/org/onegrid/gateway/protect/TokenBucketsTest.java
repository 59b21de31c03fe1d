package org.onegrid.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.onegrid.gateway.GatewaySettings.Limit;

class TokenBucketsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void burstUpToCapacityThenWaitForRefill() {
        ManualClock clock = new ManualClock();
        TokenBuckets buckets = new TokenBuckets(c -> new Limit(2, 1, Duration.ofSeconds(4)), clock);

        assertThat(buckets.take("user:a").allowed()).isTrue();
        assertThat(buckets.take("user:a").allowed()).isTrue();
        TokenBuckets.Decision refused = buckets.take("user:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(4));

        // Another client has its own bucket.
        assertThat(buckets.take("user:b").allowed()).isTrue();

        clock.now = clock.now.plusSeconds(3);
        assertThat(buckets.take("user:a").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(buckets.take("user:a").allowed()).isTrue();
        assertThat(buckets.take("user:a").allowed()).isFalse();
    }

    @Test
    void refillNeverExceedsCapacity() {
        ManualClock clock = new ManualClock();
        TokenBuckets buckets = new TokenBuckets(c -> new Limit(2, 10, Duration.ofSeconds(1)), clock);
        buckets.take("x");
        clock.now = clock.now.plusSeconds(60);
        assertThat(buckets.take("x").allowed()).isTrue();
        assertThat(buckets.take("x").allowed()).isTrue();
        assertThat(buckets.take("x").allowed()).isFalse();
    }

    @Test
    void fullBucketsAreForgottenOnceThereAreManyClients() {
        ManualClock clock = new ManualClock();
        TokenBuckets buckets = new TokenBuckets(c -> new Limit(1, 1, Duration.ofSeconds(1)), clock);
        for (int i = 0; i <= TokenBuckets.SWEEP_ABOVE; i++) {
            buckets.take("ip:" + i);
        }
        assertThat(buckets.take("ip:0").allowed()).as("still remembered while empty").isFalse();
        clock.now = clock.now.plusSeconds(5);
        buckets.take("ip:new");
        assertThat(buckets.size()).isEqualTo(1);
    }
}
