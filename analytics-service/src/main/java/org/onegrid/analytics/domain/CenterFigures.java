package org.onegrid.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.onegrid.events.center.CenterEvents;

/**
 * Centre figures from service-center-service's events. Micro-wishes are a cohort: the wishes posted in scope, of
 * which so many were claimed and fulfilled (joined by wish id, so a claim that arrives before its posting is counted
 * once the posting is in). The fulfilment rate is a percentage with two decimals, half up, like the ticket rates.
 */
public record CenterFigures(long visits, long visitors, long activities, long signedUp, long waitlisted,
                            long attended, Wishes wishes, BigDecimal volunteerHours, long servedPeople,
                            long centers, Map<String, Long> centersByLevel, long samplePoints, long coverageGaps) {

    /** {@code meanHoursToClaim}: posted → claimed, mean over the claimed wishes, two decimals; null if none. */
    public record Wishes(long posted, long claimed, long fulfilled, long expired, BigDecimal fulfilmentRate,
                         BigDecimal meanHoursToClaim) {
    }

    public record Events(List<CenterEvents.VisitRecorded> visits, List<CenterEvents.ActivityScheduled> scheduled,
                         List<CenterEvents.SignedUp> signUps, List<CenterEvents.Attended> attended,
                         List<CenterEvents.WishPosted> wishesPosted, List<CenterEvents.WishClaimed> wishesClaimed,
                         List<CenterEvents.WishFulfilled> wishesFulfilled,
                         List<CenterEvents.WishExpired> wishesExpired,
                         List<CenterEvents.VolunteerHoursLogged> hours) {
    }

    /**
     * @param centers  the centres' latest positions (all of them: a centre over a district border still serves)
     * @param points   the sample points in scope, for the coverage gaps
     */
    public static CenterFigures of(Events e, Scope scope, Collection<CoverageGaps.CenterPosition> centers,
                                   List<CoverageGaps.SamplePoint> points) {
        long visits = 0;
        long visitors = 0;
        for (var v : e.visits()) {
            if (scope.covers(v.districtCode(), v.visitedAt())) {
                visits++;
                visitors += v.visitors();
            }
        }
        Set<String> activities = new HashSet<>();
        e.scheduled().stream().filter(a -> scope.covers(a.districtCode(), a.startsAt()))
                .forEach(a -> activities.add(a.activityId()));
        long signedUp = 0;
        long waitlisted = 0;
        for (var s : e.signUps()) {
            if (scope.covers(s.districtCode(), s.signedUpAt())) {
                if ("WAITLISTED".equals(s.outcome())) {
                    waitlisted++;
                } else {
                    signedUp++;
                }
            }
        }
        long attended = e.attended().stream().filter(a -> scope.covers(a.districtCode(), a.attendedAt())).count();
        double hours = 0;
        long served = 0;
        for (var h : e.hours()) {
            if (scope.covers(h.districtCode(), h.loggedAt())) {
                hours += h.hours();
                served += h.servedPeople();
            }
        }
        Map<String, Long> byLevel = new TreeMap<>();
        long inScope = 0;
        for (var c : centers) {
            if (scope.district(c.district())) {
                inScope++;
                byLevel.merge(c.level(), 1L, Long::sum);
            }
        }
        return new CenterFigures(visits, visitors, activities.size(), signedUp, waitlisted, attended,
                wishes(e, scope), BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP), served, inScope, byLevel,
                points.size(), CoverageGaps.gaps(points, centers).size());
    }

    static Wishes wishes(Events e, Scope scope) {
        Map<String, Instant> posted = new HashMap<>();
        e.wishesPosted().stream().filter(w -> scope.covers(w.districtCode(), w.postedAt()))
                .forEach(w -> posted.put(w.wishId(), w.postedAt()));
        Map<String, Instant> claimed = new HashMap<>();
        e.wishesClaimed().stream().filter(w -> posted.containsKey(w.wishId()))
                .forEach(w -> claimed.merge(w.wishId(), w.claimedAt(), (a, b) -> a.isBefore(b) ? a : b));
        Set<String> fulfilled = new HashSet<>();
        e.wishesFulfilled().stream().filter(w -> posted.containsKey(w.wishId())).forEach(w -> fulfilled.add(w.wishId()));
        Set<String> expired = new HashSet<>();
        e.wishesExpired().stream().filter(w -> posted.containsKey(w.wishId())).forEach(w -> expired.add(w.wishId()));
        BigDecimal meanHours = null;
        if (!claimed.isEmpty()) {
            long seconds = 0;
            for (var c : claimed.entrySet()) {
                seconds += Duration.between(posted.get(c.getKey()), c.getValue()).toSeconds();
            }
            meanHours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600L * claimed.size()), 2,
                    RoundingMode.HALF_UP);
        }
        return new Wishes(posted.size(), claimed.size(), fulfilled.size(), expired.size(),
                TicketFigures.rate(fulfilled.size(), posted.size()), meanHours);
    }

    /** The latest registration of each centre (by its time, then event order as given). */
    public static Collection<CoverageGaps.CenterPosition> positions(List<CenterEvents.CenterRegistered> registrations) {
        Map<String, CenterEvents.CenterRegistered> latest = new TreeMap<>();
        for (var r : registrations) {
            latest.merge(r.centerId(), r, (a, b) -> b.registeredAt().isBefore(a.registeredAt()) ? a : b);
        }
        return latest.values().stream().map(r -> new CoverageGaps.CenterPosition(r.centerId(), r.name(), r.level(),
                r.districtCode(), r.lat(), r.lon())).toList();
    }

    /** Sample points whose district is in scope. */
    public static List<CoverageGaps.SamplePoint> pointsIn(List<CoverageGaps.SamplePoint> points, Scope scope) {
        return points.stream().filter(p -> scope.district(p.district())).toList();
    }
}
