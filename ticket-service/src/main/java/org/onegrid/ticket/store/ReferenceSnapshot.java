package org.onegrid.ticket.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reference data (districts, categories, grids, the hotline's mapping table) read once and kept for a short while:
 * each new ticket looks it up half a dozen times, and it changes a few times a year. This instance's own edits
 * {@linkplain #invalidate() drop} the copy at once; another instance's edits are seen within {@code maxAge}.
 *
 * <p>When the copy is older than {@code maxAge}, one caller reads it again while the others go on with the copy
 * they have: under load, every request arriving during the reload would otherwise read the same tables too, and
 * wait for them. Only without any copy (at first use, after an edit here) do callers wait, for one read.
 */
public final class ReferenceSnapshot<T> {

    private record Loaded<T>(T value, long atNanos) {
    }

    private final Supplier<T> loader;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private volatile Loaded<T> loaded;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Counts edits, so that a read begun before an edit does not become the copy after it. */
    private final AtomicLong edits = new AtomicLong();

    public ReferenceSnapshot(Duration maxAge, Supplier<T> loader) {
        this(maxAge, loader, System::nanoTime);
    }

    ReferenceSnapshot(Duration maxAge, Supplier<T> loader, LongSupplier nanoTime) {
        this.loader = loader;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    public T get() {
        Loaded<T> current = loaded;
        if (current != null && fresh(current)) {
            return current.value();
        }
        if (current != null) {
            if (!refreshing.compareAndSet(false, true)) {
                return current.value();
            }
            try {
                return load();
            } finally {
                refreshing.set(false);
            }
        }
        synchronized (this) {
            current = loaded;
            return current != null && fresh(current) ? current.value() : load();
        }
    }

    public synchronized void invalidate() {
        edits.incrementAndGet();
        loaded = null;
    }

    private boolean fresh(Loaded<T> copy) {
        return nanoTime.getAsLong() - copy.atNanos() < maxAgeNanos;
    }

    private T load() {
        long editsBefore = edits.get();
        Loaded<T> read = new Loaded<>(loader.get(), nanoTime.getAsLong());
        synchronized (this) {
            if (edits.get() == editsBefore) {
                loaded = read;
            }
        }
        return read.value();
    }
}
