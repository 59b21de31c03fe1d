package org.onegrid.analytics.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.onegrid.analytics.domain.CoverageGaps;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The residential sample points the coverage gaps are computed for ({@code sample-points.csv}): analytics has no
 * grid centroids and tickets carry no coordinates, so each community of ticket-service's Sanya reference data stands
 * in, at its centre.
 */
@Component
public class SamplePoints {

    private final List<CoverageGaps.SamplePoint> points;

    public SamplePoints() {
        List<CoverageGaps.SamplePoint> read = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource("sample-points.csv")
                .getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] f = line.split(",");
                read.add(new CoverageGaps.SamplePoint(f[0], f[1], f[2], Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.points = List.copyOf(read);
    }

    public List<CoverageGaps.SamplePoint> all() {
        return points;
    }
}
