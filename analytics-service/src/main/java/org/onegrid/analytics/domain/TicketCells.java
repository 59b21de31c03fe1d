package org.onegrid.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ticket figures pre-aggregated per cell — district, department, category, channel and Sanya report day — so that a
 * dashboard query sums the matching cells: their number grows with those combinations (5 districts × the category and
 * department pairs × channels × days: tens of thousands a year), not with tickets. Communities and grids are not cell
 * dimensions: with them the cells would be nearly as many as the tickets (measured: 700,000 cells for a million
 * tickets over 200 communities), and no dashboard view needs them. Kept up to date from the difference between a
 * ticket's record before and after each write. Thread-safe.
 */
public final class TicketCells {

    private final Map<TicketContribution.CellKey, FigureSums> cells = new HashMap<>();

    /** Moves a ticket from its old contribution (null: new ticket) to its new one. */
    public synchronized void replace(TicketContribution before, TicketContribution after) {
        if (before != null) {
            FigureSums cell = cells.get(before.cell());
            if (cell == null) {
                cell = new FigureSums();
                cells.put(before.cell(), cell);
            }
            cell.add(before, -1);
            if (cell.isEmpty()) {
                cells.remove(before.cell());
            }
        }
        if (after != null) {
            cells.computeIfAbsent(after.cell(), k -> new FigureSums()).add(after, 1);
        }
    }

    /** Which cells a query covers: equality on the given codes (blank: any) and report days from/to inclusive. */
    public record Selection(String district, String department, String category, String channel,
                            LocalDate from, LocalDate to) implements Predicate<TicketContribution.CellKey> {
        @Override
        public boolean test(TicketContribution.CellKey k) {
            return matches(district, k.district()) && matches(department, k.department())
                    && matches(category, k.category())
                    && matches(channel, k.channel())
                    && (from == null || (k.reportDay() != null && !k.reportDay().isBefore(from)))
                    && (to == null || (k.reportDay() != null && !k.reportDay().isAfter(to)));
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equals(actual);
        }
    }

    /** The summed cells of a selection, grouped by {@code group} and then by {@code bucket} (both sorted). */
    public synchronized Map<String, Map<String, FigureSums>> sum(Selection selection,
                                                                 Function<TicketContribution.CellKey, String> group,
                                                                 Function<TicketContribution.CellKey, String> bucket,
                                                                 Instant now) {
        Map<String, Map<String, FigureSums>> groups = new TreeMap<>();
        cells.forEach((key, cell) -> {
            if (selection.test(key)) {
                groups.computeIfAbsent(group.apply(key), g -> new TreeMap<>())
                        .computeIfAbsent(bucket.apply(key), b -> new FigureSums()).addCell(cell, now);
            }
        });
        return groups;
    }

    public synchronized int size() {
        return cells.size();
    }
}
