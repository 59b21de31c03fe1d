package org.onegrid.talent.domain;

/** Who publishes a need (需求清单). */
public enum NeedPoster {
    UNIT, VILLAGE, SCHOOL, HOSPITAL
}
