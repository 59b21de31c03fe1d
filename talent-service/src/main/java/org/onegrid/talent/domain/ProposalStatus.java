package org.onegrid.talent.domain;

import java.util.Map;
import java.util.Set;

/** A match proposal: PROPOSED → ACCEPTED / DECLINED (talent) → CONFIRMED (unit) → COMPLETED, or CANCELLED. */
public enum ProposalStatus {
    PROPOSED, ACCEPTED, DECLINED, CONFIRMED, COMPLETED, CANCELLED;

    private static final Map<ProposalStatus, Set<ProposalStatus>> NEXT = Map.of(
            PROPOSED, Set.of(ACCEPTED, DECLINED, CANCELLED),
            ACCEPTED, Set.of(CONFIRMED, CANCELLED),
            CONFIRMED, Set.of(COMPLETED, CANCELLED),
            DECLINED, Set.of(),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    public ProposalStatus moveTo(ProposalStatus target) {
        if (!NEXT.get(this).contains(target)) {
            throw new IllegalTransitionException("proposal", name(), target.name());
        }
        return target;
    }

    /** Whether this proposal holds one of the need's places. */
    public boolean holdsPlace() {
        return this == ACCEPTED || this == CONFIRMED || this == COMPLETED;
    }

    /** Counts towards the talent's current workload. */
    public boolean isActive() {
        return this == ACCEPTED || this == CONFIRMED;
    }
}
