package org.onegrid.center.domain;

public enum TravelMode {
    WALK, RIDE
}
