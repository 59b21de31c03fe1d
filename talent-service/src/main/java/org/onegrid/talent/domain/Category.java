package org.onegrid.talent.domain;

/** Talent categories of Sanya's registry: 高层次人才 (class A–E), 候鸟 migratory, 银发精英 silver-elite rehire, general. */
public enum Category {
    HIGH_LEVEL, MIGRATORY, SILVER_ELITE, GENERAL
}
