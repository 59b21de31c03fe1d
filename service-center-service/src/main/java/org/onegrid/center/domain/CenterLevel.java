package org.onegrid.center.domain;

/** The "1+10+29+N" hierarchy: city, district/industry, big community, community and stations. */
public enum CenterLevel {
    CITY, DISTRICT, INDUSTRY, BIG_COMMUNITY, COMMUNITY, STATION
}
