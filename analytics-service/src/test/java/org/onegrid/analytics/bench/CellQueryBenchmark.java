package org.onegrid.analytics.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.onegrid.analytics.domain.Dimension;
import org.onegrid.analytics.domain.Period;
import org.onegrid.analytics.domain.TicketCells;
import org.onegrid.analytics.domain.TicketContribution;

/**
 * Not a test: the dashboard's figure queries over cells holding N tickets (default 1,000,000) spread over a year,
 * 5 districts, 6 categories (each with its department), 3 channels. Run by hand:
 * {@code java -cp … CellQueryBenchmark [tickets]}.
 */
public final class CellQueryBenchmark {

    private CellQueryBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String[] districts = {"HT", "JY", "TY", "YZ", "YC"};
        String[] categories = {"sanitation", "roads", "noise", "water", "housing", "education"};
        String[] departments = {"HW", "JT", "ZJ", "SW", "JS", "JY"};
        String[] channels = {"HOTLINE_12345", "GRID_APP", "OPEN311"};
        Random random = new Random(1);
        LocalDate first = LocalDate.of(2026, 1, 1);
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        TicketCells cells = new TicketCells();
        for (int i = 0; i < n; i++) {
            int d = random.nextInt(5);
            int c = random.nextInt(6);
            LocalDate day = first.plusDays(random.nextInt(365));
            boolean resolved = random.nextInt(10) < 8;
            boolean open = !resolved;
            cells.replace(null, new TicketContribution(new TicketContribution.CellKey(districts[d], departments[c],
                    categories[c], channels[random.nextInt(3)], day),
                    true, resolved, resolved ? random.nextBoolean() : null,
                    resolved ? (long) (random.nextInt(800) * 100_000L) : null, random.nextBoolean(),
                    random.nextInt(3) == 0 ? "SATISFIED" : null, random.nextInt(20) == 0, true,
                    random.nextInt(10) == 0, open, open ? TicketContributionNanos.of(now.minus(Duration.ofDays(random.nextInt(30) - 15))) : null,
                    random.nextInt(5) == 0 ? 1 : 0, 0));
        }
        System.out.printf("%,d tickets in %,d cells%n", n, cells.size());
        TicketCells.Selection all = new TicketCells.Selection(null, null, null, null, null, null);
        time("overall", () -> cells.sum(all, k -> "ALL", k -> "ALL", now));
        Map<LocalDate, String> memo = new HashMap<>();
        time("daily trend (period=DAY)", () -> cells.sum(all, k -> "ALL",
                k -> memo.computeIfAbsent(k.reportDay(), Period.DAY::bucketOf), now));
        time("by district", () -> cells.sum(all, k -> k.value(Dimension.DISTRICT), k -> "ALL", now));
        time("by department", () -> cells.sum(all, k -> k.value(Dimension.DEPARTMENT), k -> "ALL", now));
        time("by category, one district, one month", () -> cells.sum(new TicketCells.Selection("TY", null, null,
                null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), k -> k.value(Dimension.CATEGORY),
                k -> "ALL", now));
    }

    private static void time(String what, Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        int runs = 40;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-40s p50 %6.1f ms  p95 %6.1f ms%n", what, ms[runs / 2], ms[(int) (runs * 0.95) - 1]);
    }

    /** Epoch nanoseconds, as the cells keep deadlines. */
    private static final class TicketContributionNanos {
        static long of(Instant i) {
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        }
    }
}
