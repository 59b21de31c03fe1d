package org.onegrid.ticket.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReferenceSnapshotTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    /** Holds the second read until released, so that callers can be checked while it is under way. */
    private final CountDownLatch secondReadStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSecondRead = new CountDownLatch(1);
    private final ReferenceSnapshot<Integer> snapshot = new ReferenceSnapshot<>(MAX_AGE, this::read, now::get);

    @Test
    void aCopyIsKeptForItsMaximumAgeThenReadAgain() {
        releaseSecondRead.countDown();
        assertThat(snapshot.get()).isEqualTo(1);
        now.addAndGet(MAX_AGE.toNanos() - 1);
        assertThat(snapshot.get()).isEqualTo(1);
        now.addAndGet(1);
        assertThat(snapshot.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void whileOneCallerReadsAnExpiredCopyAgainTheOthersGoOnWithIt() throws Exception {
        snapshot.get();
        now.addAndGet(MAX_AGE.toNanos());

        CompletableFuture<Integer> refreshing = CompletableFuture.supplyAsync(snapshot::get);
        assertThat(secondReadStarted.await(5, TimeUnit.SECONDS)).isTrue();
        // Copy 2 is being read: the others are answered at once from copy 1, without a read of their own.
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(reads).hasValue(2);

        releaseSecondRead.countDown();
        assertThat(refreshing.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(snapshot.get()).isEqualTo(2);
    }

    @Test
    void anEditHereIsSeenAtOnceAndAReadBegunBeforeItIsNotKept() throws Exception {
        snapshot.get();
        now.addAndGet(MAX_AGE.toNanos());
        CompletableFuture<Integer> olderRead = CompletableFuture.supplyAsync(snapshot::get);
        assertThat(secondReadStarted.await(5, TimeUnit.SECONDS)).isTrue();

        snapshot.invalidate();
        assertThat(snapshot.get()).as("the first call after the edit reads again").isEqualTo(3);
        releaseSecondRead.countDown();
        assertThat(olderRead.get(5, TimeUnit.SECONDS)).isEqualTo(2);

        assertThat(snapshot.get()).as("the copy read after the edit stays").isEqualTo(3);
        assertThat(reads).hasValue(3);
    }

    private Integer read() {
        int n = reads.incrementAndGet();
        if (n == 2) {
            secondReadStarted.countDown();
            try {
                releaseSecondRead.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return n;
    }
}
