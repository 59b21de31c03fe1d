package org.onegrid.talent.domain;

import java.util.Map;
import java.util.Set;

/** A settlement (落户) or housing-subsidy (住房补贴) application: SUBMITTED → UNDER_REVIEW → APPROVED / REJECTED. */
public enum CaseStatus {
    SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED;

    public enum Kind { SETTLEMENT, HOUSING_SUBSIDY }

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            SUBMITTED, Set.of(UNDER_REVIEW, APPROVED, REJECTED),
            UNDER_REVIEW, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(),
            REJECTED, Set.of());

    public CaseStatus moveTo(CaseStatus target) {
        if (!NEXT.get(this).contains(target)) {
            throw new IllegalTransitionException("case", name(), target.name());
        }
        return target;
    }
}
