package org.onegrid.center.domain;

/**
 * How far people get in a given time. There is no road network here, so the route length is estimated as the
 * great-circle distance times a detour factor (streets are rarely straight; 1.3 is a common urban figure).
 */
public record TravelModel(double walkKmh, double rideKmh, double detourFactor) {

    public static final TravelModel DEFAULT = new TravelModel(5.0, 15.0, 1.3);

    public TravelModel {
        if (walkKmh <= 0 || rideKmh <= 0) {
            throw new IllegalArgumentException("speeds must be positive");
        }
        if (detourFactor < 1.0) {
            throw new IllegalArgumentException("detour factor must be at least 1");
        }
    }

    public double speedKmh(TravelMode mode) {
        return mode == TravelMode.RIDE ? rideKmh : walkKmh;
    }

    /** Minutes to cover a great-circle distance. */
    public double minutes(double greatCircleMetres, TravelMode mode) {
        double routeMetres = greatCircleMetres * detourFactor;
        return routeMetres / (speedKmh(mode) * 1000.0 / 60.0);
    }

    /** The largest great-circle distance still reachable within the minutes. */
    public double reachMetres(double minutes, TravelMode mode) {
        return minutes * speedKmh(mode) * 1000.0 / 60.0 / detourFactor;
    }
}
