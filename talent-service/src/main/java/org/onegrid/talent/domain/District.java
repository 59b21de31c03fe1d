package org.onegrid.talent.domain;

import java.util.Optional;

/**
 * Sanya's five districts with an approximate centre, so that matching can weigh travel distance
 * (computed here: the Mongo-wire server has no geo operators).
 */
public enum District {
    HT("海棠区", 18.33, 109.73),
    JY("吉阳区", 18.29, 109.58),
    TY("天涯区", 18.30, 109.45),
    YZ("崖州区", 18.36, 109.18),
    YC("育才生态区", 18.47, 109.35);

    private final String chineseName;
    private final double lat;
    private final double lon;

    District(String chineseName, double lat, double lon) {
        this.chineseName = chineseName;
        this.lat = lat;
        this.lon = lon;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<District> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (District d : values()) {
            if (d.name().equalsIgnoreCase(code) || d.chineseName.equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Great-circle distance between the district centres in km. */
    public double distanceKm(District other) {
        double r = 6371.0;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
