package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The 述职评议 league table: each unit's score is a weighted sum of its completion, on-time and satisfaction rates
 * and its non-reopened share; weights are configuration, and a missing rate counts as 0 (no data earns nothing).
 */
public final class LeagueTable {

    public record Weights(double completion, double onTime, double satisfaction, double notReopened) {
        public Weights {
            double sum = completion + onTime + satisfaction + notReopened;
            if (Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalArgumentException("league weights must add up to 1, not " + sum);
            }
        }
    }

    public record Row(int rank, String unit, BigDecimal score, TicketFigures figures) {
    }

    private LeagueTable() {
    }

    public static List<Row> rank(Map<String, TicketFigures> byUnit, Weights weights) {
        List<Row> unranked = new ArrayList<>();
        byUnit.forEach((unit, f) -> unranked.add(new Row(0, unit, score(f, weights), f)));
        unranked.sort(Comparator.comparing(Row::score).reversed().thenComparing(Row::unit));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Row r = unranked.get(i);
            ranked.add(new Row(i + 1, r.unit(), r.score(), r.figures()));
        }
        return ranked;
    }

    static BigDecimal score(TicketFigures f, Weights w) {
        double notReopened = f.reopenRate() == null ? 0 : 100 - f.reopenRate().doubleValue();
        double score = w.completion() * value(f.completionRate())
                + w.onTime() * value(f.solutionOnTimeRate())
                + w.satisfaction() * value(f.satisfactionRate())
                + w.notReopened() * notReopened;
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
    }

    private static double value(BigDecimal rate) {
        return rate == null ? 0 : rate.doubleValue();
    }
}
