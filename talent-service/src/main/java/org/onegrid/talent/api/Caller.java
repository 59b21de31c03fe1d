package org.onegrid.talent.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who calls, as the gateway states it in {@code X-OneGrid-Role} and {@code X-OneGrid-User}. Roles: talent, liaison,
 * reviewer, admin, station, unit. A missing role is an anonymous caller who sees only masked data.
 * The gateway's platform-wide roles grant talent-service's own: an admin also reviews certifications, and centre
 * staff act for stations and for the units (villages, schools, hospitals) whose needs they post.
 */
public record Caller(String role, String user) {

    private static final Map<String, Set<String>> GRANTS = Map.of(
            "admin", Set.of("reviewer"),
            "center-staff", Set.of("station", "unit"));

    public static final String ROLE_HEADER = "X-OneGrid-Role";
    public static final String USER_HEADER = "X-OneGrid-User";

    public static Caller of(String role, String user) {
        return new Caller(role == null ? "anonymous" : role.toLowerCase(Locale.ROOT), user);
    }

    public boolean is(String r) {
        return role.equals(r) || GRANTS.getOrDefault(role, Set.of()).contains(r);
    }

    public boolean isAny(String... roles) {
        for (String r : roles) {
            if (is(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isTalent(String talentId) {
        return is("talent") && talentId.equals(user);
    }

    public boolean isLiaisonOf(String liaisonId) {
        return is("liaison") && liaisonId != null && liaisonId.equals(user);
    }
}
