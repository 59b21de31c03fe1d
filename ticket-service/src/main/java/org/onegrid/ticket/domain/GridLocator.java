package org.onegrid.ticket.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the grid a point belongs to: the grid whose boundary contains it, or, where boundaries are not surveyed
 * (many villages), the grid with the nearest centroid within a sensible distance.
 */
public final class GridLocator {

    /** How the grid was found, so a dispatcher knows whether to double-check it. */
    public enum Method { POLYGON, NEAREST_CENTROID }

    public record Located(GridCell grid, Method method, double distanceMetres) {
    }

    private final double maxCentroidDistanceMetres;

    public GridLocator(double maxCentroidDistanceMetres) {
        this.maxCentroidDistanceMetres = maxCentroidDistanceMetres;
    }

    public Optional<Located> locate(GeoPoint point, List<GridCell> grids) {
        for (GridCell grid : grids) {
            if (grid.contains(point)) {
                return Optional.of(new Located(grid, Method.POLYGON,
                        grid.centroid() == null ? 0 : point.distanceTo(grid.centroid())));
            }
        }
        return grids.stream()
                .filter(g -> g.centroid() != null)
                .map(g -> new Located(g, Method.NEAREST_CENTROID, point.distanceTo(g.centroid())))
                .filter(l -> l.distanceMetres() <= maxCentroidDistanceMetres)
                .min(Comparator.comparingDouble(Located::distanceMetres));
    }
}
