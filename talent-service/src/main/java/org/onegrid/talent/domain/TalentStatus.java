package org.onegrid.talent.domain;

public enum TalentStatus {
    PENDING, CERTIFIED, REJECTED
}
