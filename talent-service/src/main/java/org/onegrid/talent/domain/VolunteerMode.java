package org.onegrid.talent.domain;

/** How a talent is willing to serve (志愿服务方式); a need asks for one of these. */
public enum VolunteerMode {
    LECTURE, CLINIC, CONSULTING, TEACHING, PROJECT
}
