package org.onegrid.talent.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the liaison for a certified high-level talent: one of their own unit if it has room, otherwise one of their
 * district; among those, the one with the most free places (ties by fewest assigned, then id, so a batch spreads
 * evenly and the choice is repeatable).
 */
public final class LiaisonChoice {

    public record Load(String liaisonId, String unitId, District district, int capacity, int assigned) {
        int free() {
            return capacity - assigned;
        }
    }

    private LiaisonChoice() {
    }

    public static Optional<Load> pick(List<Load> liaisons, String unitId, District district, String excludeId) {
        Comparator<Load> mostFree = Comparator.comparingInt(Load::free).reversed()
                .thenComparingInt(Load::assigned).thenComparing(Load::liaisonId);
        List<Load> open = liaisons.stream().filter(l -> l.free() > 0 && !l.liaisonId().equals(excludeId)).toList();
        Optional<Load> inUnit = unitId == null ? Optional.empty()
                : open.stream().filter(l -> unitId.equals(l.unitId())).min(mostFree);
        if (inUnit.isPresent()) {
            return inUnit;
        }
        return open.stream().filter(l -> l.district() == district).min(mostFree);
    }
}
