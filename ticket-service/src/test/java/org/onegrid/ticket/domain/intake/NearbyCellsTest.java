package org.onegrid.ticket.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.onegrid.ticket.domain.GeoPoint;

class NearbyCellsTest {

    private static final double RADIUS = LikelyDuplicates.RADIUS_M;

    @Test
    void everyPointWithinTheDuplicateRadiusIsInTheCellsAround() {
        Random random = new Random(42);
        int checked = 0;
        for (double baseLat : new double[] {18.25, 18.2, -33.9, 60.0}) {
            for (int i = 0; i < 20_000; i++) {
                GeoPoint p = new GeoPoint(baseLat + random.nextDouble() * 0.05, 109.5 + random.nextDouble() * 0.05);
                // Up to the radius away in any direction, including exactly across cell borders.
                double bearing = random.nextDouble() * 2 * Math.PI;
                double metres = RADIUS * (0.9 + 0.1 * random.nextDouble());
                GeoPoint q = new GeoPoint(p.lat() + metres * Math.cos(bearing) / 111_195,
                        p.lon() + metres * Math.sin(bearing) / (111_195 * Math.cos(Math.toRadians(p.lat()))));
                if (p.distanceTo(q) <= RADIUS) {
                    assertThat(NearbyCells.around(p, RADIUS)).as(p + " and " + q).contains(NearbyCells.of(q));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(70_000);
    }

    @Test
    void inSanyaACheckReadsAtMostFourCellsAndFewerAwayFromTheBorders() {
        Random random = new Random(7);
        int total = 0;
        for (int i = 0; i < 10_000; i++) {
            GeoPoint p = new GeoPoint(18.2 + random.nextDouble() * 0.2, 109.3 + random.nextDouble() * 0.3);
            var cells = NearbyCells.around(p, RADIUS);
            assertThat(cells).hasSizeBetween(1, 4).doesNotHaveDuplicates().contains(NearbyCells.of(p));
            total += cells.size();
        }
        // A 100 m circle in a 220 m by 210 m cell crosses a border most of the time, but not always.
        assertThat(total / 10_000.0).isBetween(3.0, 3.95);
    }

    @Test
    void aPointInTheMiddleOfItsCellNeedsOnlyThatCell() {
        // 0.001° is the middle of a 0.002° cell in both directions: about 110 m to every border.
        GeoPoint middle = new GeoPoint(18.253, 109.501);
        assertThat(NearbyCells.around(middle, RADIUS)).containsExactly(NearbyCells.of(middle));
        assertThat(NearbyCells.around(middle, 150)).hasSize(9);
    }

    @Test
    void pointsFarApartDoNotShareTheNeighbourhood() {
        GeoPoint sanyaBay = new GeoPoint(18.2528, 109.5120);
        GeoPoint yazhou = new GeoPoint(18.3640, 109.1800);
        assertThat(NearbyCells.around(sanyaBay, RADIUS)).doesNotContain(NearbyCells.of(yazhou));
    }
}
