package org.onegrid.center.domain;

import java.util.Set;

/** A party-and-public service centre (党群服务中心) or station (站/驿站) as the 15-minute circle sees it. */
public record Center(String id, String name, CenterLevel level, String districtCode, String communityCode,
                     GeoPoint location, OpeningHours hours, Set<Facility> facilities) {

    public Center {
        facilities = facilities == null ? Set.of() : Set.copyOf(facilities);
    }

    public boolean offers(Set<Facility> wanted) {
        return facilities.containsAll(wanted);
    }
}
