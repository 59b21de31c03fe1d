package org.onegrid.center.domain;

/** A WGS84 position. Stored as a GeoJSON point, whose coordinates are [lon, lat]. */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be within [-90, 90]");
        }
        if (Double.isNaN(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("lon must be within [-180, 180]");
        }
    }

    /** Great-circle distance by the haversine formula on the mean Earth radius (IUGG, 6 371 008.8 m). */
    public double distanceMetres(GeoPoint other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = Math.toRadians(other.lat - lat);
        double dLambda = Math.toRadians(other.lon - lon);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
