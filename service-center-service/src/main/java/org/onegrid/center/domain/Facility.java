package org.onegrid.center.domain;

/** Convenience facilities a centre offers to anyone walking in (便民设施). */
public enum Facility {
    FIRST_AID_KIT, BLOOD_PRESSURE_METER, AED, UMBRELLA, CHARGING, MICROWAVE, LIBRARY, NETWORK_ROOM, DRINKING_WATER,
    RESTROOM, REST_AREA, LEGAL_SERVICE, MEETING_ROOM
}
