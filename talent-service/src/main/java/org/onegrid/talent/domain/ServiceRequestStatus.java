package org.onegrid.talent.domain;

import java.util.Map;
import java.util.Set;

public enum ServiceRequestStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    private static final Map<ServiceRequestStatus, Set<ServiceRequestStatus>> NEXT = Map.of(
            OPEN, Set.of(IN_PROGRESS, DONE, CANCELLED),
            IN_PROGRESS, Set.of(DONE, CANCELLED),
            DONE, Set.of(),
            CANCELLED, Set.of());

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public ServiceRequestStatus moveTo(ServiceRequestStatus target) {
        if (!NEXT.get(this).contains(target)) {
            throw new IllegalTransitionException("service request", name(), target.name());
        }
        return target;
    }
}
