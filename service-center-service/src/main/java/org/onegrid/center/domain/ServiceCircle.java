package org.onegrid.center.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 15-minute service circle (15分钟党群服务圈): which centres a person reaches in time, and which places no centre
 * reaches. Computed in memory: Sanya has hundreds of centres, not millions.
 */
public final class ServiceCircle {

    private final TravelModel travel;

    public ServiceCircle(TravelModel travel) {
        this.travel = travel;
    }

    public List<Reach> nearby(Collection<Center> centers, GeoPoint from, double minutes, TravelMode mode,
                              Set<Facility> wanted, Instant now) {
        List<Reach> result = new ArrayList<>();
        for (Center center : centers) {
            if (!center.offers(wanted)) {
                continue;
            }
            double metres = from.distanceMetres(center.location());
            double eta = travel.minutes(metres, mode);
            if (eta <= minutes) {
                result.add(new Reach(center, metres, eta, center.hours().isOpen(now)));
            }
        }
        result.sort(Comparator.comparingDouble(Reach::distanceMetres));
        return result;
    }

    /** A place to check, e.g. a grid centroid or a residential compound. */
    public record Place(String id, GeoPoint location, String districtCode, String communityCode) {
    }

    /** A place outside every centre's circle, with the nearest centre and how long it takes to get there. */
    public record Gap(Place place, String nearestCenterId, double nearestDistanceMetres, double nearestEtaMinutes) {
    }

    public List<Gap> gaps(Collection<Center> centers, Collection<Place> places, double minutes, TravelMode mode) {
        List<Gap> gaps = new ArrayList<>();
        for (Place place : places) {
            Center nearest = null;
            double best = Double.MAX_VALUE;
            for (Center center : centers) {
                double metres = place.location().distanceMetres(center.location());
                if (metres < best) {
                    best = metres;
                    nearest = center;
                }
            }
            double eta = nearest == null ? Double.POSITIVE_INFINITY : travel.minutes(best, mode);
            if (eta > minutes) {
                gaps.add(new Gap(place, nearest == null ? null : nearest.id(),
                        nearest == null ? Double.NaN : best, eta));
            }
        }
        return gaps;
    }

    /** Gaps grouped district → community, in first-seen order, for planners. */
    public static Map<String, Map<String, List<Gap>>> byDistrictAndCommunity(List<Gap> gaps) {
        Map<String, Map<String, List<Gap>>> grouped = new LinkedHashMap<>();
        for (Gap gap : gaps) {
            String district = gap.place().districtCode() == null ? "UNKNOWN" : gap.place().districtCode();
            String community = gap.place().communityCode() == null ? "UNKNOWN" : gap.place().communityCode();
            grouped.computeIfAbsent(district, d -> new LinkedHashMap<>())
                    .computeIfAbsent(community, c -> new ArrayList<>()).add(gap);
        }
        return grouped;
    }
}
