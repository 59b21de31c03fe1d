package org.onegrid.ticket.domain.intake;

import java.util.List;
import java.util.Map;

/**
 * An extra question a GeoReport v2 service asks (an "attribute" of services/{code}.json). Attributes belong to a
 * category; a category with at least one is published with metadata=true.
 */
public record ServiceAttribute(String code, String datatype, boolean required, String description, int order,
                               Map<String, String> values) {

    public ServiceAttribute {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** The categories' extra questions; noise needs to know when it happens to be handled by the right shift. */
    public static final Map<String, List<ServiceAttribute>> BY_CATEGORY = Map.of(
            "noise", List.of(new ServiceAttribute("time_of_day", "singlevaluelist", true,
                    "When does the noise happen? 噪声发生时段", 1,
                    Map.of("day", "Daytime 白天 (06:00-22:00)", "night", "Night 夜间 (22:00-06:00)",
                            "all_day", "All day 全天"))),
            "roads", List.of(new ServiceAttribute("hazard", "singlevaluelist", false,
                    "Is it a danger to traffic? 是否影响通行安全", 1, Map.of("yes", "Yes 是", "no", "No 否"))));

    public static List<ServiceAttribute> of(String categoryCode) {
        return BY_CATEGORY.getOrDefault(categoryCode, List.of());
    }

    /**
     * Checks the answers to a category's attributes.
     *
     * @return a message naming the first problem, or null when the answers are acceptable
     */
    public static String problem(String categoryCode, Map<String, String> answers) {
        for (ServiceAttribute a : of(categoryCode)) {
            String value = answers.get(a.code());
            if (value == null || value.isBlank()) {
                if (a.required()) {
                    return "attribute[" + a.code() + "] is required for service " + categoryCode;
                }
                continue;
            }
            if (!a.values().isEmpty() && !a.values().containsKey(value.strip())) {
                return "attribute[" + a.code() + "] must be one of " + String.join(", ",
                        a.values().keySet().stream().sorted().toList());
            }
        }
        return null;
    }
}
