package org.onegrid.center.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    // A resident on 三亚湾路 near 海月广场, and centres around them (WGS84).
    static final GeoPoint RESIDENT = new GeoPoint(18.2800, 109.4700);
    static final GeoPoint SANYAWAN_CENTER = new GeoPoint(18.2836, 109.4670);
    static final GeoPoint FENGHUANG_POLICE = new GeoPoint(18.2905, 109.4860);
    static final GeoPoint CITY_CENTER = new GeoPoint(18.2601, 109.5152);

    @Test
    void oneDegreeOfLatitudeIsAnArcOfTheMeanEarthRadius() {
        // 6 371 008.8 m × π / 180
        assertThat(new GeoPoint(18, 109.5).distanceMetres(new GeoPoint(19, 109.5))).isCloseTo(111_195.08, within(0.01));
    }

    @Test
    void distancesBetweenRealSanyaPlacesMatchHandComputedValues() {
        // Values worked out separately with the haversine formula on R = 6 371 008.8 m.
        assertThat(RESIDENT.distanceMetres(SANYAWAN_CENTER)).isCloseTo(510.5, within(0.5));
        assertThat(RESIDENT.distanceMetres(FENGHUANG_POLICE)).isCloseTo(2053.5, within(0.5));
        assertThat(RESIDENT.distanceMetres(CITY_CENTER)).isCloseTo(5260.7, within(0.5));
        assertThat(CITY_CENTER.distanceMetres(SANYAWAN_CENTER)).isCloseTo(5721.0, within(0.5));
    }

    @Test
    void agreesWithAFlatEarthApproximationOverCityDistances() {
        // Equirectangular: x = Δλ·cos(φm)·R, y = Δφ·R — good to far better than 0.1 % over a few km.
        double r = 6_371_008.8;
        double phiM = Math.toRadians((RESIDENT.lat() + CITY_CENTER.lat()) / 2);
        double x = Math.toRadians(CITY_CENTER.lon() - RESIDENT.lon()) * Math.cos(phiM) * r;
        double y = Math.toRadians(CITY_CENTER.lat() - RESIDENT.lat()) * r;
        assertThat(RESIDENT.distanceMetres(CITY_CENTER)).isCloseTo(Math.hypot(x, y), within(1.0));
    }

    @Test
    void isSymmetricAndZeroOnItself() {
        assertThat(RESIDENT.distanceMetres(RESIDENT)).isZero();
        assertThat(RESIDENT.distanceMetres(CITY_CENTER)).isEqualTo(CITY_CENTER.distanceMetres(RESIDENT));
    }

    @Test
    void rejectsImpossibleCoordinates() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, 181)).isInstanceOf(IllegalArgumentException.class);
    }
}
