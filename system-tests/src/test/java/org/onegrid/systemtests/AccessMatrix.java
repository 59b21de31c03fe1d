package org.onegrid.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each role trying other roles' commands and other districts' and departments' data: all must be refused. Ticket
 * figures, the league and activity counts are public aggregates (the dashboard), so reading them is not a leak;
 * centre staff act for stations in talent-service (AccessPolicy).
 */
final class AccessMatrix {

    /**
     * A caller (role with its binding, a partner API key in {@code headers}, or nobody) and a request that must be
     * answered 401 or 403.
     */
    record Attempt(String role, String district, String department, String method, String path, String body,
                   Map<String, String> headers) {
        Attempt(String role, String district, String department, String method, String path, String body) {
            this(role, district, department, method, path, body, Map.of());
        }

        static Attempt partner(String apiKey, String method, String path, String body, String contentType) {
            return new Attempt(null, null, null, method, path, body, contentType == null
                    ? Map.of("X-Api-Key", apiKey) : Map.of("X-Api-Key", apiKey, "Content-Type", contentType));
        }

        String who() {
            return role != null ? role : headers.containsKey("X-Api-Key") ? "key " + headers.get("X-Api-Key")
                    : "nobody";
        }
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

        // Partner doors: people (every role, admin included) cannot use the machine intake; each partner key opens
        // only its own channel and none of the people's doors.
        String hotlineCase = "{\"caseNo\":\"st-access-0001\",\"receivedAt\":\"2026-11-23T02:15:00Z\","
                + "\"callerPhone\":\"13800000000\",\"content\":\"路灯不亮\",\"categoryCode\":\"CSGL-HJWS\","
                + "\"districtCode\":\"TY\"}";
        String event = "{\"specversion\":\"1.0\",\"id\":\"st-access-ev\",\"source\":\"urn:st\","
                + "\"type\":\"onegrid.partner.wechat-report.v1\",\"data\":{\"reportId\":\"wx\",\"content\":\"x\","
                + "\"districtCode\":\"TY\",\"reportedAt\":\"2026-11-23T02:00:00Z\"}}";
        String form = "service_code=sanitation&lat=18.26&long=109.4975&description=x";
        List<String[]> everyone = new ArrayList<>(List.of(people));
        everyone.add(new String[] {"admin", null, null});
        for (String[] p : everyone) {
            a.add(new Attempt(p[0], p[1], p[2], "POST", "/intake/hotline/cases", hotlineCase));
            a.add(new Attempt(p[0], p[1], p[2], "POST", "/intake/events", event,
                    Map.of("Content-Type", "application/cloudevents+json")));
            a.add(new Attempt(p[0], p[1], p[2], "POST", "/open311/v2/requests.json", form,
                    Map.of("Content-Type", "application/x-www-form-urlencoded")));
        }
        String open311Key = Open311Requests.API_KEY;
        String hotlineKey = HotlineCases.API_KEY;
        a.add(Attempt.partner(open311Key, "POST", "/intake/hotline/cases", hotlineCase, "application/json"));
        a.add(Attempt.partner(open311Key, "POST", "/intake/events", event, "application/cloudevents+json"));
        a.add(Attempt.partner(hotlineKey, "POST", "/open311/v2/requests.json", form,
                "application/x-www-form-urlencoded"));
        for (String key : List.of(hotlineKey, open311Key)) {
            a.add(Attempt.partner(key, "GET", "/intake/hotline/deliveries", null, null));
            a.add(Attempt.partner(key, "GET", "/intake/hotline/deliveries?state=DEAD", null, null));
            a.add(Attempt.partner(key, "POST", "/intake/hotline/deliveries/d-1/retry", "{}", "application/json"));
            a.add(Attempt.partner(key, "GET", "/intake/hotline/category-mappings", null, null));
            a.add(Attempt.partner(key, "PUT", "/intake/hotline/category-mappings/CSGL-HJWS",
                    "{\"categoryCode\":\"other\"}", "application/json"));
            a.add(Attempt.partner(key, "GET", "/api/tickets", null, null));
            a.add(Attempt.partner(key, "POST", "/api/tickets", "{\"title\":\"x\",\"districtCode\":\"TY\"}",
                    "application/json"));
            a.add(Attempt.partner(key, "POST", "/api/tickets/" + tyTicket + "/accept", accept, "application/json"));
            a.add(Attempt.partner(key, "GET", "/admin/api-keys", null, null));
            a.add(Attempt.partner(key, "POST", "/api/analytics/admin/rebuild", null, null));
            a.add(Attempt.partner(key, "GET", "/api/talent/talents", null, null));
        }
        // An unknown or empty key is nobody.
        a.add(Attempt.partner("og_not-a-key", "POST", "/intake/hotline/cases", hotlineCase, "application/json"));
        a.add(Attempt.partner("", "POST", "/open311/v2/requests.json", form, "application/x-www-form-urlencoded"));
        return a;
    }
}
