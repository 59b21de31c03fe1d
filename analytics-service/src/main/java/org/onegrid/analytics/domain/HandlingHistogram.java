package org.onegrid.analytics.domain;

import java.util.Arrays;

/**
 * Fixed buckets of handling time in working hours, so that a p90 can be summed over any number of cells in constant
 * space. The p90 is reported as the upper edge of the bucket that holds the nearest-rank value: never below the exact
 * p90, and at most one bucket above it (buckets are 0.5 h wide up to 6 h, then at most ~12 % of their upper edge).
 * Edges are round numbers so that common values (2, 4, 8, 20 hours …) are reported exactly. Beyond the last edge
 * (1,000 working hours, about 125 working days) the figure is capped at that edge.
 */
public final class HandlingHistogram {

    static final double[] UPPER_EDGES = {
            0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24,
            27, 30, 33, 36, 40, 45, 50, 55, 60, 70, 80, 90, 100, 110, 120, 135, 150, 165, 180, 200, 225, 250, 275,
            300, 350, 400, 450, 500, 600, 700, 800, 900, 1000};
    /** One more than the edges: the last bucket holds everything above 1,000 hours. */
    public static final int SIZE = UPPER_EDGES.length + 1;

    private HandlingHistogram() {
    }

    /** The bucket of a value: the first whose upper edge is at least the value. */
    public static int bucketOf(double hours) {
        int i = Arrays.binarySearch(UPPER_EDGES, hours);
        return i >= 0 ? i : Math.min(-i - 1, SIZE - 1);
    }

    /** What a p90 falling into this bucket is reported as. */
    public static double reported(int bucket) {
        return UPPER_EDGES[Math.min(bucket, UPPER_EDGES.length - 1)];
    }

    /** Nearest-rank percentile (p in 0..100) over bucket counts, as the bucket's reported value; null when empty. */
    static Double percentile(int[] counts, long total, int p) {
        if (counts == null || total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return reported(i);
            }
        }
        throw new IllegalStateException("bucket counts do not add up to " + total);
    }
}
