package org.onegrid.talent.api;

import java.util.Locale;

/**
 * Who calls, as the gateway states it in {@code X-OneGrid-Role} and {@code X-OneGrid-User}. Roles: talent, liaison,
 * reviewer, admin, station, unit. A missing role is an anonymous caller who sees only masked data.
 */
public record Caller(String role, String user) {

    public static final String ROLE_HEADER = "X-OneGrid-Role";
    public static final String USER_HEADER = "X-OneGrid-User";

    public static Caller of(String role, String user) {
        return new Caller(role == null ? "anonymous" : role.toLowerCase(Locale.ROOT), user);
    }

    public boolean is(String r) {
        return role.equals(r);
    }

    public boolean isAny(String... roles) {
        for (String r : roles) {
            if (role.equals(r)) {
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
