package org.onegrid.ticket.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.onegrid.events.PersonalData;
import org.onegrid.ticket.domain.GeoPoint;
import org.onegrid.ticket.domain.GridCell;
import tools.jackson.databind.JsonNode;

/**
 * Reads grids from a GeoJSON FeatureCollection. Each feature is a Polygon (outer ring used) or a Point (centroid
 * only) with properties {@code code, name, districtCode, communityCode, leader {name, phone}, workers [...]}.
 * Phones are masked on the way in: the grid register is not a phone book.
 */
final class GridImport {

    static final Pattern GRID_CODE = Pattern.compile("[A-Z]{2}-[A-Z]{1,8}-\\d{2,3}");

    /** One feature that could not be read, by position in the collection. */
    record Problem(int index, String field, String message) {
    }

    record Parsed(List<GridCell> grids, List<Problem> problems) {
    }

    private GridImport() {
    }

    static Parsed parse(JsonNode collection) {
        List<GridCell> grids = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asString(null))
                || !collection.path("features").isArray()) {
            problems.add(new Problem(-1, "type", "expected a GeoJSON FeatureCollection with a features array"));
            return new Parsed(grids, problems);
        }
        int index = 0;
        for (JsonNode feature : collection.path("features").values()) {
            try {
                grids.add(feature(feature));
            } catch (FeatureException e) {
                problems.add(new Problem(index, e.field, e.getMessage()));
            }
            index++;
        }
        return new Parsed(grids, problems);
    }

    private static GridCell feature(JsonNode feature) {
        JsonNode props = feature.path("properties");
        String code = text(props, "code", true);
        if (!GRID_CODE.matcher(code).matches()) {
            throw new FeatureException("properties.code", "grid code must look like TY-JJL-03: " + code);
        }
        String name = text(props, "name", true);
        String district = text(props, "districtCode", true);
        String community = text(props, "communityCode", true);
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asString("");
        List<double[]> ring = new ArrayList<>();
        GeoPoint centroid;
        try {
            if (type.equals("Polygon")) {
                for (JsonNode xy : geometry.path("coordinates").path(0).values()) {
                    ring.add(new double[]{xy.path(0).asDouble(), xy.path(1).asDouble()});
                }
                if (ring.size() < 4) {
                    throw new FeatureException("geometry.coordinates", "a polygon ring needs at least 4 positions");
                }
                centroid = centroid(ring);
            } else if (type.equals("Point")) {
                JsonNode xy = geometry.path("coordinates");
                centroid = new GeoPoint(xy.path(1).asDouble(), xy.path(0).asDouble());
            } else {
                throw new FeatureException("geometry.type", "Polygon or Point expected, got '" + type + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new FeatureException("geometry.coordinates", e.getMessage());
        }
        JsonNode leader = props.path("leader");
        List<GridCell.GridPerson> workers = new ArrayList<>();
        for (JsonNode w : props.path("workers").values()) {
            workers.add(person(w));
        }
        return new GridCell(code, name, district, community, leader.isObject() ? person(leader) : null, workers,
                centroid, ring);
    }

    private static GridCell.GridPerson person(JsonNode p) {
        return new GridCell.GridPerson(p.path("name").asString(null), PersonalData.maskPhone(p.path("phone").asString(null)));
    }

    /** Vertex average of the ring (without the closing repeat): good enough for grids a few hundred metres wide. */
    private static GeoPoint centroid(List<double[]> ring) {
        int n = ring.size() - 1;
        double lon = 0, lat = 0;
        for (int i = 0; i < n; i++) {
            lon += ring.get(i)[0];
            lat += ring.get(i)[1];
        }
        return new GeoPoint(lat / n, lon / n);
    }

    private static String text(JsonNode node, String field, boolean required) {
        String value = node.path(field).asString(null);
        if (required && (value == null || value.isBlank())) {
            throw new FeatureException("properties." + field, "is required");
        }
        return value;
    }

    private static final class FeatureException extends RuntimeException {
        final String field;

        FeatureException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
