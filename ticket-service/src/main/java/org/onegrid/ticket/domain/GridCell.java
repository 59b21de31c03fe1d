package org.onegrid.ticket.domain;

import java.util.List;

/**
 * One grid (网格): the smallest unit of grid governance, looked after by a grid leader (网格长) and grid workers
 * (网格员). Phones are kept masked; the grid app reaches people through its own directory.
 *
 * @param polygon outer ring of the grid's boundary as [lon, lat] pairs (GeoJSON order), or empty if not surveyed
 */
public record GridCell(String code, String name, String districtCode, String communityCode, GridPerson leader,
                       List<GridPerson> workers, GeoPoint centroid, List<double[]> polygon) {

    public record GridPerson(String name, String maskedPhone) {
    }

    public GridCell {
        workers = workers == null ? List.of() : List.copyOf(workers);
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
    }

    /** Ray casting over the outer ring; points on the edge may fall either way, which is fine for a grid. */
    public boolean contains(GeoPoint p) {
        if (polygon.size() < 3) {
            return false;
        }
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            double xi = polygon.get(i)[0], yi = polygon.get(i)[1];
            double xj = polygon.get(j)[0], yj = polygon.get(j)[1];
            if ((yi > p.lat()) != (yj > p.lat())
                    && p.lon() < (xj - xi) * (p.lat() - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
