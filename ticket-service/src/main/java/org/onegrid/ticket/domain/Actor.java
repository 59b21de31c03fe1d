package org.onegrid.ticket.domain;

/**
 * The caller of a command. A dispatcher and a grid worker act within their district, a department handler within
 * their department.
 */
public record Actor(String userId, Role role, String districtCode, String departmentCode) {

    public static Actor system(String what) {
        return new Actor("system:" + what, Role.SYSTEM, null, null);
    }
}
