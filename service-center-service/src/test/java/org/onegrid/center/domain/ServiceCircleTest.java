package org.onegrid.center.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceCircleTest {

    private static final OpeningHours CLOSED = new OpeningHours(false, Map.of(), List.of());

    private final Center sanyawan = center("TY-SANYAWAN", 18.2836, 109.4670, OpeningHours.always(),
            Set.of(Facility.AED, Facility.FIRST_AID_KIT));
    private final Center station = center("WX-SANYAWAN", 18.2760, 109.4740, CLOSED, Set.of(Facility.CHARGING));
    private final Center police = center("TY-FENGHUANG-POLICE", 18.2905, 109.4860, CLOSED, Set.of(Facility.AED));
    private final Center city = center("SY-CITY", 18.2601, 109.5152, CLOSED, Set.of(Facility.AED));
    private final List<Center> all = List.of(city, police, station, sanyawan);
    private final ServiceCircle circle = new ServiceCircle(TravelModel.DEFAULT);
    private final GeoPoint resident = new GeoPoint(18.2800, 109.4700);
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void walkingFifteenMinutesReachesTheTwoCentresWithinNineHundredSixtyMetresNearestFirst() {
        List<Reach> reach = circle.nearby(all, resident, 15, TravelMode.WALK, Set.of(), now);
        assertThat(reach).extracting(r -> r.center().id()).containsExactly("TY-SANYAWAN", "WX-SANYAWAN");
        // 510.5 m × 1.3 / 83.33 m/min = 7.96 min; 613.4 m → 9.57 min
        assertThat(reach.get(0).distanceMetres()).isCloseTo(510.5, within(0.5));
        assertThat(reach.get(0).etaMinutes()).isCloseTo(7.96, within(0.01));
        assertThat(reach.get(1).distanceMetres()).isCloseTo(613.4, within(0.5));
        assertThat(reach.get(1).etaMinutes()).isCloseTo(9.57, within(0.01));
        assertThat(reach.get(0).openNow()).isTrue();
        assertThat(reach.get(1).openNow()).isFalse();
    }

    @Test
    void ridingReachesFengHuangButNotTheCityCentre() {
        // 2 053.5 m → 10.68 min riding at 15 km/h; the city centre, 5 260.7 m away, takes 27.4 min.
        List<Reach> reach = circle.nearby(all, resident, 15, TravelMode.RIDE, Set.of(), now);
        assertThat(reach).extracting(r -> r.center().id())
                .containsExactly("TY-SANYAWAN", "WX-SANYAWAN", "TY-FENGHUANG-POLICE");
        assertThat(reach.get(2).etaMinutes()).isCloseTo(10.68, within(0.01));
    }

    @Test
    void aFacilityFilterKeepsOnlyCentresOfferingIt() {
        List<Reach> reach = circle.nearby(all, resident, 15, TravelMode.RIDE, Set.of(Facility.AED), now);
        assertThat(reach).extracting(r -> r.center().id()).containsExactly("TY-SANYAWAN", "TY-FENGHUANG-POLICE");
    }

    @Test
    void gapsAreThePlacesNoCentreReachesGroupedByDistrictAndCommunity() {
        var places = List.of(
                new ServiceCircle.Place("near-haiyue", resident, "TY", "SANYAWAN"),
                new ServiceCircle.Place("near-city", new GeoPoint(18.2620, 109.5140), "JY", "FENGXINGLONG"),
                // 大茅村, up the valley: far from all four
                new ServiceCircle.Place("damao-1", new GeoPoint(18.3400, 109.5600), "JY", "DAMAO"),
                new ServiceCircle.Place("damao-2", new GeoPoint(18.3450, 109.5650), "JY", "DAMAO"),
                // between 三亚湾 and 凤凰: 1.2 km from either
                new ServiceCircle.Place("fenghuang-road", new GeoPoint(18.2950, 109.4760), "TY", "FENGHUANG"));
        List<ServiceCircle.Gap> gaps = circle.gaps(all, places, 15, TravelMode.WALK);
        assertThat(gaps).extracting(g -> g.place().id()).containsExactly("damao-1", "damao-2", "fenghuang-road");
        var grouped = ServiceCircle.byDistrictAndCommunity(gaps);
        assertThat(grouped.keySet()).containsExactly("JY", "TY");
        assertThat(grouped.get("JY").get("DAMAO")).hasSize(2);
        assertThat(grouped.get("TY").get("FENGHUANG")).singleElement()
                .satisfies(g -> assertThat(g.nearestEtaMinutes()).isGreaterThan(15));
    }

    @Test
    void withoutAnyCentreEveryPlaceIsAGap() {
        var places = List.of(new ServiceCircle.Place("p", resident, "TY", null));
        assertThat(circle.gaps(List.of(), places, 15, TravelMode.WALK)).singleElement()
                .satisfies(g -> assertThat(g.nearestCenterId()).isNull());
    }

    private static Center center(String id, double lat, double lon, OpeningHours hours, Set<Facility> facilities) {
        return new Center(id, id, CenterLevel.COMMUNITY, "TY", null, new GeoPoint(lat, lon), hours, facilities);
    }
}
