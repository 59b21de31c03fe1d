package org.onegrid.ticket.domain.intake;

import java.time.Duration;

/**
 * When to try a status callback again: doubling from {@code initial} after each failed attempt, capped at
 * {@code max}; after {@code maxAttempts} failures the delivery is dead-lettered for an admin to look at.
 */
public record DeliveryBackoff(Duration initial, Duration max, int maxAttempts) {

    public DeliveryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and maxAttempts >= 1");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
