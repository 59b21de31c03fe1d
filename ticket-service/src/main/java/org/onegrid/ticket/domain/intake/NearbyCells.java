package org.onegrid.ticket.domain.intake;

import java.util.ArrayList;
import java.util.List;

import org.onegrid.ticket.domain.GeoPoint;

/**
 * A grid of squares of 0.002° (about 220 m of latitude, 210 m of longitude in Sanya) in which the likely-duplicate
 * check finds its candidates: everything within {@link LikelyDuplicates#RADIUS_M} of a point lies in the point's
 * own cell or one of its eight neighbours, as long as a cell's width stays above the radius (up to about 63° of
 * latitude). Looking up nine known keys costs the same at any number of tickets, where a query by category and
 * time has to walk every ticket of that category reported that day.
 */
public final class NearbyCells {

    static final double SIZE_DEG = 0.002;

    private NearbyCells() {
    }

    /** The key of the cell holding {@code p}. */
    public static String of(GeoPoint p) {
        return key(row(p.lat()), row(p.lon()));
    }

    /** The cell of {@code p} and its eight neighbours. */
    public static List<String> around(GeoPoint p) {
        long lat = row(p.lat());
        long lon = row(p.lon());
        List<String> keys = new ArrayList<>(9);
        for (long dLat = -1; dLat <= 1; dLat++) {
            for (long dLon = -1; dLon <= 1; dLon++) {
                keys.add(key(lat + dLat, lon + dLon));
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
