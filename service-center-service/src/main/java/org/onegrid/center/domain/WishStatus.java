package org.onegrid.center.domain;

import java.util.Set;

/** A micro-wish's life: open → claimed (one party member or volunteer) → fulfilled → confirmed; or expired. */
public enum WishStatus {
    OPEN, CLAIMED, FULFILLED, CONFIRMED, EXPIRED;

    public Set<WishStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(CLAIMED, EXPIRED);
            case CLAIMED -> Set.of(FULFILLED);
            case FULFILLED -> Set.of(CONFIRMED);
            case CONFIRMED, EXPIRED -> Set.of();
        };
    }
}
