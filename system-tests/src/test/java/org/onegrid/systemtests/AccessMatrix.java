package org.onegrid.systemtests;

import java.util.ArrayList;
import java.util.List;

/**
 * Each role trying other roles' commands and other districts' and departments' data: all must be refused. Ticket
 * figures, the league and activity counts are public aggregates (the dashboard), so reading them is not a leak;
 * centre staff act for stations in talent-service (AccessPolicy).
 */
final class AccessMatrix {

    /** A caller (role with its binding, or nobody) and a request that must be answered 401 or 403. */
    record Attempt(String role, String district, String department, String method, String path, String body) {
    }

    static List<Attempt> build(String tyTicket, String htTicket) {
        List<Attempt> a = new ArrayList<>();
        String accept = "{\"categoryCode\":\"sanitation\"}";
        String appeal = "{\"requestId\":\"st-access-0001\",\"content\":\"路灯不亮\"}";
        // Nobody: every non-public door is shut.
        for (String[] r : new String[][] {{"GET", "/api/tickets"}, {"POST", "/api/tickets"},
                {"GET", "/api/tickets/" + tyTicket}, {"GET", "/api/talent/talents"}, {"POST", "/api/centers/TY-SANYAWAN/appeals"},
                {"GET", "/api/analytics/activity/events"},
                {"GET", "/admin/api-keys"}, {"POST", "/api/analytics/admin/rebuild"}, {"GET", "/api/grid/districts"}}) {
            a.add(new Attempt(null, null, null, r[0], r[1], r[0].equals("POST") ? "{}" : null));
        }
        String[][] people = {{"grid-worker", null, null}, {"dispatcher", "TY", null}, {"department-handler", null, "HW"},
                {"center-staff", null, null}, {"liaison", null, null}, {"talent", null, null},
                {"resident", null, null}, {"analyst", null, null}};
        for (String[] p : people) {
            String role = p[0];
            // Admin's doors.
            a.add(new Attempt(role, p[1], p[2], "GET", "/admin/api-keys", null));
            a.add(new Attempt(role, p[1], p[2], "POST", "/admin/api-keys", "{\"partner\":\"x\",\"scopes\":[\"hotline:write\"]}"));
            a.add(new Attempt(role, p[1], p[2], "POST", "/api/analytics/admin/rebuild", null));
            a.add(new Attempt(role, p[1], p[2], "GET", "/actuator/env", null));
            if (!role.equals("dispatcher")) {
                // The command centre's commands.
                a.add(new Attempt(role, p[1], p[2], "POST", "/api/tickets/" + tyTicket + "/accept", accept));
                a.add(new Attempt(role, p[1], p[2], "POST", "/api/tickets/" + tyTicket + "/dispatch",
                        "{\"departmentCode\":\"HW\"}"));
                a.add(new Attempt(role, p[1], p[2], "GET", "/api/tickets/queue/dispatcher", null));
            }
            if (!role.equals("department-handler")) {
                a.add(new Attempt(role, p[1], p[2], "GET", "/api/tickets/queue/department", null));
            }
            if (!List.of("talent", "liaison", "center-staff").contains(role)) {
                a.add(new Attempt(role, p[1], p[2], "GET", "/api/talent/talents", null));
                a.add(new Attempt(role, p[1], p[2], "POST", "/api/talent/needs", "{\"title\":\"x\"}"));
            }
            if (List.of("talent", "liaison", "analyst").contains(role)) {
                a.add(new Attempt(role, p[1], p[2], "GET", "/api/tickets?district=TY", null));
                a.add(new Attempt(role, p[1], p[2], "POST", "/api/tickets",
                        "{\"title\":\"x\",\"districtCode\":\"TY\"}"));
            }
            if (List.of("talent", "analyst", "grid-worker", "department-handler").contains(role)) {
                a.add(new Attempt(role, p[1], p[2], "POST", "/api/centers/TY-SANYAWAN/appeals", appeal));
            }
            if (!List.of("grid-worker", "dispatcher").contains(role)) {
                a.add(new Attempt(role, p[1], p[2], "GET", "/api/grid/districts", null));
            }
        }
        // Another district's data, for the TY dispatcher; another department's, for the HW handler.
        a.add(new Attempt("dispatcher", "TY", null, "GET", "/api/tickets?district=HT", null));
        a.add(new Attempt("dispatcher", "TY", null, "GET", "/api/tickets/" + htTicket, null));
        a.add(new Attempt("dispatcher", "TY", null, "POST", "/api/tickets/" + htTicket + "/accept", accept));
        a.add(new Attempt("dispatcher", "TY", null, "POST", "/api/tickets/" + htTicket + "/reject",
                "{\"reason\":\"不归我们管\"}"));
        a.add(new Attempt("department-handler", null, "HW", "GET", "/api/tickets?department=SZ", null));
        return a;
    }
}
