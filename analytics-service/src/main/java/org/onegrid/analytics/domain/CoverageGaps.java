package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The 15-minute circle as service-center-service documents it: there is no road network, so a walk is the
 * great-circle (haversine) distance times a detour factor of 1.3, at 5 km/h. A sample point is a gap when no centre
 * is reachable within 15 minutes, i.e. no centre within 1.25 km / 1.3 ≈ 962 m in a straight line.
 */
public final class CoverageGaps {

    public static final double WALK_KMH = 5.0;
    public static final double DETOUR = 1.3;
    public static final double MINUTES = 15.0;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** A place where people live, standing for its community (analytics has no grid centroids). */
    public record SamplePoint(String code, String name, String district, double lat, double lon) {
    }

    /** A centre's position as its last center-registered event gave it. */
    public record CenterPosition(String centerId, String name, String level, String district, double lat,
                                 double lon) {
    }

    /** A point out of reach; {@code nearestMinutes} is the walk to the nearest centre (null when there is none). */
    public record Gap(SamplePoint point, String nearestCenterId, BigDecimal nearestMinutes) {
    }

    private CoverageGaps() {
    }

    /** Straight-line distance a 15-minute walk covers, in metres (≈ 961.5). */
    public static double reachMetres() {
        return MINUTES * WALK_KMH * 1000.0 / 60.0 / DETOUR;
    }

    public static double walkMinutes(double greatCircleMetres) {
        return greatCircleMetres * DETOUR / (WALK_KMH * 1000.0 / 60.0);
    }

    public static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** The sample points with no centre within a 15-minute walk, in the order given. */
    public static List<Gap> gaps(List<SamplePoint> points, Collection<CenterPosition> centers) {
        List<Gap> gaps = new ArrayList<>();
        for (SamplePoint p : points) {
            CenterPosition nearest = null;
            double best = Double.MAX_VALUE;
            for (CenterPosition c : centers) {
                double d = haversineMetres(p.lat(), p.lon(), c.lat(), c.lon());
                if (d < best) {
                    best = d;
                    nearest = c;
                }
            }
            if (nearest == null || best > reachMetres()) {
                gaps.add(new Gap(p, nearest == null ? null : nearest.centerId(), nearest == null ? null
                        : BigDecimal.valueOf(walkMinutes(best)).setScale(1, RoundingMode.HALF_UP)));
            }
        }
        return gaps;
    }
}
