package org.onegrid.ticket.domain.intake;

import java.util.ArrayList;
import java.util.List;

import org.onegrid.ticket.domain.GeoPoint;

/**
 * A grid of squares of 0.002° (about 220 m of latitude, 210 m of longitude in Sanya) in which the likely-duplicate
 * check finds its candidates: everything within {@link LikelyDuplicates#RADIUS_M} of a point lies in the cells its
 * circle touches. Those are the point's own cell and up to three neighbours while a cell is wider than twice the
 * radius (up to about 26° of latitude, Sanya is at 18°), and stay within the eight neighbours while it is wider than
 * the radius (up to about 63°). Looking up a few known keys costs the same at any number of tickets, where a query
 * by category and time has to walk every ticket of that category reported that day.
 */
public final class NearbyCells {

    static final double SIZE_DEG = 0.002;
    /** Metres per degree of latitude on the sphere {@link GeoPoint#distanceTo} uses. */
    private static final double METRES_PER_DEGREE = 111_195;
    /** Widens the circle's box a little: the box is planar, the distance a great circle. */
    private static final double MARGIN = 1.01;

    private NearbyCells() {
    }

    /** The key of the cell holding {@code p}. */
    public static String of(GeoPoint p) {
        return key(row(p.lat()), row(p.lon()));
    }

    /**
     * The cells that points within {@code radiusM} of {@code p} can lie in: those the box around the circle touches,
     * never beyond the eight neighbours of {@code p}'s cell. Reading only these, rather than all nine, is what the
     * check costs per report: at Sanya's latitude a 100 m circle touches 3.7 cells on average.
     */
    public static List<String> around(GeoPoint p, double radiusM) {
        double dLat = radiusM * MARGIN / METRES_PER_DEGREE;
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(p.lat())), 1e-9);
        long lat = row(p.lat());
        long lon = row(p.lon());
        long latFrom = Math.max(lat - 1, row(p.lat() - dLat));
        long latTo = Math.min(lat + 1, row(p.lat() + dLat));
        long lonFrom = Math.max(lon - 1, row(p.lon() - dLon));
        long lonTo = Math.min(lon + 1, row(p.lon() + dLon));
        List<String> keys = new ArrayList<>(4);
        for (long r = latFrom; r <= latTo; r++) {
            for (long c = lonFrom; c <= lonTo; c++) {
                keys.add(key(r, c));
            }
        }
        return keys;
    }

    private static long row(double degrees) {
        return (long) Math.floor(degrees / SIZE_DEG);
    }

    private static String key(long lat, long lon) {
        return lat + "," + lon;
    }
}
