package org.onegrid.ticket.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.onegrid.ticket.domain.GeoPoint;

class NearbyCellsTest {

    @Test
    void everyPointWithinTheDuplicateRadiusIsInTheNineCellsAround() {
        Random random = new Random(42);
        int checked = 0;
        for (double baseLat : new double[] {18.25, 18.2, -33.9, 60.0}) {
            for (int i = 0; i < 20_000; i++) {
                GeoPoint p = new GeoPoint(baseLat + random.nextDouble() * 0.05, 109.5 + random.nextDouble() * 0.05);
                // Up to the radius away in any direction, including exactly across cell borders.
                double bearing = random.nextDouble() * 2 * Math.PI;
                double metres = LikelyDuplicates.RADIUS_M * random.nextDouble();
                GeoPoint q = new GeoPoint(p.lat() + metres * Math.cos(bearing) / 111_195,
                        p.lon() + metres * Math.sin(bearing) / (111_195 * Math.cos(Math.toRadians(p.lat()))));
                if (p.distanceTo(q) <= LikelyDuplicates.RADIUS_M) {
                    assertThat(NearbyCells.around(p)).as(p + " and " + q).contains(NearbyCells.of(q));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(70_000);
    }

    @Test
    void pointsFarApartDoNotShareTheNeighbourhood() {
        GeoPoint sanyaBay = new GeoPoint(18.2528, 109.5120);
        GeoPoint yazhou = new GeoPoint(18.3640, 109.1800);
        assertThat(NearbyCells.around(sanyaBay)).doesNotContain(NearbyCells.of(yazhou)).hasSize(9).doesNotHaveDuplicates();
        assertThat(NearbyCells.around(sanyaBay)).contains(NearbyCells.of(sanyaBay));
    }
}
