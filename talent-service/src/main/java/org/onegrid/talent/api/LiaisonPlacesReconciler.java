package org.onegrid.talent.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.TalentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back liaison places held for talents that do not point at the liaison. Assigning takes the place first and
 * writes the talent second (two documents, no transaction); a crash or a failed write in between would otherwise
 * leave a place taken with nobody in it for good. Only holds older than the grace period are looked at, so an
 * assignment still between its two writes is never undone. The talent document is the truth.
 */
@Component
public class LiaisonPlacesReconciler {

    private static final Logger log = LoggerFactory.getLogger(LiaisonPlacesReconciler.class);

    private final LiaisonStore liaisons;
    private final TalentStore talents;
    private final Clock clock;
    private final Duration grace;

    public LiaisonPlacesReconciler(LiaisonStore liaisons, TalentStore talents, Clock clock,
                                   @Value("${onegrid.talent.liaison-hold-grace:2m}") Duration grace) {
        this.liaisons = liaisons;
        this.talents = talents;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${onegrid.talent.liaison-reconcile-interval:5m}",
            initialDelayString = "${onegrid.talent.liaison-reconcile-interval:5m}")
    public int releaseOrphanedPlaces() {
        Map<String, List<LiaisonStore.Hold>> byLiaison = liaisons.staleHolds(clock.instant().minus(grace)).stream()
                .collect(Collectors.groupingBy(LiaisonStore.Hold::liaisonId));
        int released = 0;
        for (var entry : byLiaison.entrySet()) {
            Map<String, String> current = talents.liaisonsOf(
                    entry.getValue().stream().map(LiaisonStore.Hold::talentId).toList());
            for (LiaisonStore.Hold hold : entry.getValue()) {
                if (!entry.getKey().equals(current.get(hold.talentId()))) {
                    liaisons.release(hold.liaisonId(), hold.talentId());
                    released++;
                    log.warn("Released liaison {}'s place held since {} for talent {}, who is not assigned to them",
                            hold.liaisonId(), hold.since(), hold.talentId());
                }
            }
        }
        return released;
    }
}
