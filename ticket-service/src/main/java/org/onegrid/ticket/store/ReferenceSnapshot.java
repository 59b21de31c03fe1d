package org.onegrid.ticket.store;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reference data (districts, categories, grids, the hotline's mapping table) read once and kept for a short while:
 * each new ticket looks it up half a dozen times, and it changes a few times a year. This instance's own edits
 * {@linkplain #invalidate() drop} the copy at once; another instance's edits are seen within {@code maxAge}.
 */
public final class ReferenceSnapshot<T> {

    private record Loaded<T>(T value, long atNanos) {
    }

    private final Supplier<T> loader;
    private final long maxAgeNanos;
    private volatile Loaded<T> loaded;

    public ReferenceSnapshot(Duration maxAge, Supplier<T> loader) {
        this.loader = loader;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public T get() {
        Loaded<T> current = loaded;
        long now = System.nanoTime();
        if (current == null || now - current.atNanos() >= maxAgeNanos) {
            current = new Loaded<>(loader.get(), now);
            loaded = current;
        }
        return current.value();
    }

    public void invalidate() {
        loaded = null;
    }
}
