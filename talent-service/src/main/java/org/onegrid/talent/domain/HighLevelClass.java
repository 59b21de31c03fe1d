package org.onegrid.talent.domain;

/** The class of a certified high-level talent (A = top, E = entry), as in "B类人才". */
public enum HighLevelClass {
    A, B, C, D, E
}
