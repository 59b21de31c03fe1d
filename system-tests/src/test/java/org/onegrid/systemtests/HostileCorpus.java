package org.onegrid.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Table-driven hostile input: for each endpoint, bodies and paths a careless or malicious client sends. Every case
 * must be refused with a 4xx problem+json, never a 5xx or a stack trace, and leave the databases as they were.
 * Open311 ({@code /open311/**}) and the hotline intake ({@code /intake/**}) are not built yet: add an
 * {@link Endpoint} for each with its own token/key and valid body, and its cases come from the same table.
 */
final class HostileCorpus {

    /** Who calls: a role's token, or a partner API key. */
    record Caller(String role, String district, String department, String apiKey) {
        static Caller person(String role) {
            return new Caller(role, null, null, null);
        }
    }

    /** One request sent as-is. */
    record Case(String name, String method, String path, Caller caller, byte[] body, Map<String, String> headers) {
    }

    /** A JSON endpoint and a valid body for it, each of whose fields the corpus spoils in turn. */
    record Endpoint(String name, String path, Caller caller, Map<String, Object> valid) {
    }

    static final String HUGE = "咸".repeat(300_000);
    static final String LONG = "x".repeat(5_000);

    static List<Case> build(String existingTicketId) {
        List<Endpoint> endpoints = List.of(
                new Endpoint("grid report", "/api/tickets", Caller.person("grid-worker"), Map.of(
                        "clientRequestId", "st-hostile", "channel", "GRID_APP", "title", "井盖缺失",
                        "districtCode", "TY", "lat", 18.25, "lon", 109.5)),
                new Endpoint("accept", "/api/tickets/" + existingTicketId + "/accept",
                        new Caller("dispatcher", "TY", null, null), Map.of("categoryCode", "sanitation",
                        "gridCode", "TY-JJL-01")),
                new Endpoint("reject", "/api/tickets/" + existingTicketId + "/reject",
                        new Caller("dispatcher", "TY", null, null), Map.of("reason", "重复")),
                new Endpoint("rate", "/api/tickets/" + existingTicketId + "/rate", Caller.person("resident"),
                        Map.of("ratingToken", "nope", "rating", "SATISFIED")),
                new Endpoint("appeal", "/api/centers/TY-SANYAWAN/appeals", Caller.person("resident"), Map.of(
                        "requestId", "st-hostile-appeal", "content", "路灯不亮", "lat", 18.29, "lon", 109.47)),
                new Endpoint("talent need", "/api/talent/needs", Caller.person("liaison"), Map.of(
                        "title", "需要农业专家", "districtCode", "YZ")));
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : endpoints) {
            cases.addAll(bodies(e));
        }
        cases.addAll(paths(existingTicketId));
        return cases;
    }

    private static List<Case> bodies(Endpoint e) {
        List<Case> cases = new ArrayList<>();
        String first = e.valid().keySet().iterator().next();
        List<Object[]> raw = List.of(
                new Object[] {"empty body", ""},
                new Object[] {"not JSON", "{title: 'x'"},
                new Object[] {"JSON array", "[1,2,3]"},
                new Object[] {"JSON string", "\"hello\""},
                new Object[] {"null", "null"},
                new Object[] {"deep JSON", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)},
                new Object[] {"deep array", "[".repeat(20000) + "]".repeat(20000)},
                new Object[] {"huge string", "{\"" + first + "\":\"" + HUGE + "\"}"},
                new Object[] {"duplicate keys", "{\"" + first + "\":\"a\",\"" + first + "\":{\"$gt\":\"\"}}"});
        if (e.valid().containsKey("lat")) {
            raw = new ArrayList<>(raw);
            raw.add(new Object[] {"huge number", "{\"lat\": 1e999999999}"});
        }
        // Unknown fields are ignored (Jackson's default, kept platform-wide), so "extra field" cases only count when
        // they also break a known field, as the "duplicate keys" case does.
        for (Object[] r : raw) {
            cases.add(new Case(e.name() + ": " + r[0], "POST", e.path(), e.caller(),
                    ((String) r[1]).getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        // Invalid UTF-8 inside a string value.
        byte[] head = ("{\"title\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] tail = "\",\"content\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, invalid, 0, head.length);
        System.arraycopy(bad, 0, invalid, head.length, bad.length);
        System.arraycopy(tail, 0, invalid, head.length + bad.length, tail.length);
        cases.add(new Case(e.name() + ": invalid UTF-8", "POST", e.path(), e.caller(), invalid, Map.of()));
        cases.add(new Case(e.name() + ": wrong content type", "POST", e.path(), e.caller(),
                json(e.valid()).getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/xml")));
        // Every field spoiled in turn.
        List<Object[]> spoilers = List.of(
                new Object[] {"wrong type (object)", Map.of("$gt", "")},
                new Object[] {"wrong type (array)", List.of(1, 2)},
                new Object[] {"huge string", LONG},
                new Object[] {"overflowing number", new java.math.BigInteger("9".repeat(400))},
                new Object[] {"negative number", -1e308},
                new Object[] {"far-future date", "+999999999-12-31T23:59:59Z"},
                new Object[] {"injection $where", "'; return true; var x='"},
                new Object[] {"NUL byte", "a\u0000b"});
        for (String field : e.valid().keySet()) {
            for (Object[] s : spoilers) {
                if (!spoils(field, s[1])) {
                    continue;
                }
                var body = new java.util.LinkedHashMap<String, Object>(e.valid());
                body.put(field, s[1]);
                cases.add(new Case(e.name() + ": " + field + " " + s[0], "POST", e.path(), e.caller(),
                        json(body).getBytes(StandardCharsets.UTF_8), Map.of()));
            }
            var missing = new java.util.LinkedHashMap<String, Object>(e.valid());
            missing.put(field, null);
            // A null field is fine for optional fields; the corpus only sends the required-looking ones.
            if (field.equals("title") || field.equals("reason") || field.equals("content") || field.equals("role")
                    || field.equals("ratingToken") || field.equals("rating")) {
                cases.add(new Case(e.name() + ": " + field + " missing", "POST", e.path(), e.caller(),
                        json(missing).getBytes(StandardCharsets.UTF_8), Map.of()));
            }
        }
        if (e.valid().containsKey("lat")) {
            for (Object[] c : List.of(new Object[] {"lat 91", 91.0, 109.5}, new Object[] {"lat -1000", -1000.0, 109.5},
                    new Object[] {"lon 181", 18.2, 181.0}, new Object[] {"lon -180.5", 18.2, -180.5},
                    new Object[] {"lat as text", "north", 109.5})) {
                var body = new java.util.LinkedHashMap<String, Object>(e.valid());
                body.put("lat", c[1]);
                body.put("lon", c[2]);
                cases.add(new Case(e.name() + ": coordinates " + c[0], "POST", e.path(), e.caller(),
                        json(body).getBytes(StandardCharsets.UTF_8), Map.of()));
            }
        }
        return cases;
    }

    /** Values that make this field invalid (a long string is fine for a free-text field with a larger limit). */
    private static boolean spoils(String field, Object value) {
        if (value instanceof Number) {
            // Numbers in a text field may be read as text; only coordinates must be refused.
            return field.equals("lat") || field.equals("lon");
        }
        if (value instanceof String s && (s.contains("return true") || s.contains("\u0000")
                || s.startsWith("+999"))) {
            // Strings the API must store as text: only invalid where the field has a fixed vocabulary or format.
            return field.equals("channel") || field.equals("districtCode") || field.equals("rating")
                    || field.equals("role") || field.equals("gridCode") || field.equals("categoryCode")
                    || field.equals("lat") || field.equals("lon") || field.equals("requestId");
        }
        return true;
    }

    private static List<Case> paths(String ticketId) {
        Caller dispatcher = new Caller("dispatcher", "TY", null, null);
        Caller analyst = Caller.person("analyst");
        Caller admin = Caller.person("admin");
        List<Case> cases = new ArrayList<>();
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2factuator%2fenv",
                "%7B%22%24gt%22%3A%22%22%7D", "x".repeat(3000), "%00", "%FF%FE", "..;/..;/actuator")) {
            cases.add(new Case("ticket id " + abbreviate(id), "GET", "/api/tickets/" + id, admin, null, Map.of()));
            cases.add(new Case("accept ticket id " + abbreviate(id), "POST", "/api/tickets/" + id + "/accept",
                    dispatcher, "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
            cases.add(new Case("center board " + abbreviate(id), "GET", "/api/centers/" + id + "/appeals",
                    Caller.person("center-staff"), null, Map.of()));
            cases.add(new Case("talent " + abbreviate(id), "GET", "/api/talent/talents/" + id,
                    Caller.person("liaison"), null, Map.of()));
        }
        for (String query : List.of("size=-1", "size=100000", "page=-5", "page=99999999999999999999",
                "size=abc", "sort=%24where", "createdFrom=0000-13-45", "createdFrom=-999999999-01-01T00:00:00Z",
                "status=NOPE", "overdue=maybe", "escalationLevel=99999999999")) {
            cases.add(new Case("ticket list " + query, "GET", "/api/tickets?district=TY&" + query, dispatcher, null,
                    Map.of()));
        }
        for (String query : List.of("groupBy=NOPE", "period=CENTURY", "from=not-a-date", "from=9999999-01-01",
                "to=2024-02-30")) {
            cases.add(new Case("figures " + query, "GET", "/api/analytics/tickets/figures?" + query, analyst, null,
                    Map.of()));
        }
        return cases;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    }

    static String json(Object value) {
        return Http.JSON.writeValueAsString(value);
    }
}
