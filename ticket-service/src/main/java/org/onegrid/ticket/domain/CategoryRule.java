package org.onegrid.ticket.domain;

import java.util.Map;

/**
 * What a category of problem means for handling: the department it goes to by default and how much working time
 * the first response and the solution may take. Rules are data (the {@code categories} collection); a district
 * may override department and deadlines for itself.
 */
public record CategoryRule(String code, String nameZh, String nameEn, String departmentCode,
                           WorkingDuration firstResponse, WorkingDuration solution,
                           Map<String, DistrictOverride> overrides) {

    /** A district's own department or deadlines for this category; null fields keep the city-wide value. */
    public record DistrictOverride(String departmentCode, WorkingDuration firstResponse, WorkingDuration solution) {
    }

    public CategoryRule {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** The rule as it applies in one district. */
    public CategoryRule forDistrict(String districtCode) {
        DistrictOverride o = districtCode == null ? null : overrides.get(districtCode);
        if (o == null) {
            return this;
        }
        return new CategoryRule(code, nameZh, nameEn,
                o.departmentCode() != null ? o.departmentCode() : departmentCode,
                o.firstResponse() != null ? o.firstResponse() : firstResponse,
                o.solution() != null ? o.solution() : solution, Map.of());
    }
}
