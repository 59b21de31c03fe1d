package org.onegrid.center.domain;

/** A centre within reach of someone: great-circle distance, estimated minutes and whether it is open now. */
public record Reach(Center center, double distanceMetres, double etaMinutes, boolean openNow) {
}
