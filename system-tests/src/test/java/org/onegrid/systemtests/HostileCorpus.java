package org.onegrid.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Table-driven hostile input: for each endpoint, bodies and paths a careless or malicious client sends. Every case
 * must be refused with a 4xx problem+json, never a 5xx or a stack trace, and leave the databases as they were.
 * The 12345 hotline's JSON body goes through the same table (signed per case); Open311 (form-encoded, its errors in
 * the specification's {@code [{code, description}]} shape), the hotline's signature and partner CloudEvents have
 * their own rows.
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

    /**
     * A JSON endpoint and a valid body for it, each of whose fields the corpus spoils in turn; {@code headers} gives
     * the headers for a body (the hotline's are a signature over the exact bytes, so a spoiled body is properly
     * signed and what is tested is the body's validation).
     */
    record Endpoint(String name, String path, Caller caller, Map<String, Object> valid,
                    Function<byte[], Map<String, String>> headers) {
        Endpoint(String name, String path, Caller caller, Map<String, Object> valid) {
            this(name, path, caller, valid, body -> Map.of());
        }
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
                        "title", "需要农业专家", "districtCode", "YZ")),
                new Endpoint("hotline case", "/intake/hotline/cases", null, HOTLINE_CASE, HostileCorpus::signed));
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : endpoints) {
            cases.addAll(bodies(e));
        }
        cases.addAll(paths(existingTicketId));
        cases.addAll(hotlineSignatures());
        cases.addAll(HostileOpen311Corpus.posts());
        cases.addAll(HostileOpen311Corpus.reads());
        cases.addAll(partnerEvents());
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
            byte[] bytes = ((String) r[1]).getBytes(StandardCharsets.UTF_8);
            cases.add(new Case(e.name() + ": " + r[0], "POST", e.path(), e.caller(), bytes, e.headers().apply(bytes)));
        }
        // Invalid UTF-8 inside a string value.
        byte[] head = ("{\"title\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] tail = "\",\"content\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, invalid, 0, head.length);
        System.arraycopy(bad, 0, invalid, head.length, bad.length);
        System.arraycopy(tail, 0, invalid, head.length + bad.length, tail.length);
        cases.add(new Case(e.name() + ": invalid UTF-8", "POST", e.path(), e.caller(), invalid,
                e.headers().apply(invalid)));
        byte[] valid = json(e.valid()).getBytes(StandardCharsets.UTF_8);
        var xml = new java.util.HashMap<>(e.headers().apply(valid));
        xml.put("Content-Type", "application/xml");
        cases.add(new Case(e.name() + ": wrong content type", "POST", e.path(), e.caller(), valid, xml));
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
                byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);
                cases.add(new Case(e.name() + ": " + field + " " + s[0], "POST", e.path(), e.caller(), bytes,
                        e.headers().apply(bytes)));
            }
            var missing = new java.util.LinkedHashMap<String, Object>(e.valid());
            missing.put(field, null);
            // A null field is fine for optional fields; the corpus only sends the required-looking ones.
            if (field.equals("title") || field.equals("reason") || field.equals("content") || field.equals("role")
                    || field.equals("ratingToken") || field.equals("rating")
                    || e.path().startsWith("/intake/hotline/") && List.of("caseNo", "receivedAt", "callerPhone",
                    "categoryCode").contains(field)) {
                byte[] bytes = json(missing).getBytes(StandardCharsets.UTF_8);
                cases.add(new Case(e.name() + ": " + field + " missing", "POST", e.path(), e.caller(), bytes,
                        e.headers().apply(bytes)));
            }
        }
        if (e.valid().containsKey("lat")) {
            for (Object[] c : List.of(new Object[] {"lat 91", 91.0, 109.5}, new Object[] {"lat -1000", -1000.0, 109.5},
                    new Object[] {"lon 181", 18.2, 181.0}, new Object[] {"lon -180.5", 18.2, -180.5},
                    new Object[] {"lat as text", "north", 109.5})) {
                var body = new java.util.LinkedHashMap<String, Object>(e.valid());
                body.put("lat", c[1]);
                body.put("lon", c[2]);
                byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);
                cases.add(new Case(e.name() + ": coordinates " + c[0], "POST", e.path(), e.caller(), bytes,
                        e.headers().apply(bytes)));
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
                    || field.equals("lat") || field.equals("lon") || field.equals("requestId")
                    || field.equals("caseNo") || field.equals("receivedAt") || field.equals("callerPhone")
                    || field.equals("urgency") || field.equals("deadline");
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

    /** A valid hotline case: sent as it is, it would make a ticket, so every case below spoils something. */
    static final Map<String, Object> HOTLINE_CASE = orderedMap(
            "caseNo", "st-hostile-h-0001", "receivedAt", "2026-11-23T02:15:00Z", "callerName", "系统测试",
            "callerPhone", "13800000000", "content", "系统测试 恶意输入 路灯不亮", "categoryCode", "CSGL-HJWS",
            "districtCode", "TY", "urgency", "URGENT", "deadline", "2026-11-25T10:00:00Z",
            "lat", 18.26, "lon", 109.4975);

    /** Each signature unique: a later timestamp for every case, so that none is refused as a replay instead. */
    private static final AtomicLong SIGNED_AT = new AtomicLong();

    static Map<String, String> signed(byte[] body) {
        long now = java.time.Instant.now().getEpochSecond();
        return HotlineCases.signed(body, SIGNED_AT.updateAndGet(last -> Math.max(now, last + 1)));
    }

    private static List<Case> hotlineSignatures() {
        byte[] body = json(HOTLINE_CASE).getBytes(StandardCharsets.UTF_8);
        long now = java.time.Instant.now().getEpochSecond();
        String path = "/intake/hotline/cases";
        List<Case> cases = new ArrayList<>();
        Map<String, String> good = HotlineCases.signed(body, now);
        for (String header : List.of("X-Hotline-Signature", "X-Hotline-Timestamp", "X-Hotline-Partner")) {
            var without = new java.util.HashMap<>(good);
            without.remove(header);
            cases.add(new Case("hotline signature: " + header + " missing", "POST", path, null, body, without));
        }
        var wrongSecret = new java.util.HashMap<>(good);
        wrongSecret.put("X-Hotline-Signature", HotlineCases.signature("not-the-secret", String.valueOf(now), body));
        cases.add(new Case("hotline signature: wrong secret", "POST", path, null, body, wrongSecret));
        var otherBody = new java.util.HashMap<>(good);
        otherBody.put("X-Hotline-Signature", HotlineCases.signature(HotlineCases.SECRET, String.valueOf(now),
                "{}".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("hotline signature: of another body", "POST", path, null, body, otherBody));
        cases.add(new Case("hotline signature: stale (1 h old)", "POST", path, null, body,
                HotlineCases.signed(body, now - 3600)));
        cases.add(new Case("hotline signature: from the future (+1 h)", "POST", path, null, body,
                HotlineCases.signed(body, now + 3600)));
        for (String ts : List.of("abc", "-1", "99999999999999999999", "1.5e9")) {
            var odd = new java.util.HashMap<>(good);
            odd.put("X-Hotline-Timestamp", ts);
            odd.put("X-Hotline-Signature", HotlineCases.signature(HotlineCases.SECRET, ts, body));
            cases.add(new Case("hotline signature: timestamp " + ts, "POST", path, null, body, odd));
        }
        var otherPartner = new java.util.HashMap<>(good);
        otherPartner.put("X-Hotline-Partner", "hotline-elsewhere");
        cases.add(new Case("hotline signature: another partner", "POST", path, null, body, otherPartner));
        var junk = new java.util.HashMap<>(good);
        junk.put("X-Hotline-Signature", "zz" + "0".repeat(62));
        cases.add(new Case("hotline signature: not hex", "POST", path, null, body, junk));
        return cases;
    }

    /** A valid partner event's data (雪亮工程 camera): every case breaks the envelope or the data. */
    private static Map<String, Object> videoData() {
        return orderedMap("cameraId", "TY-CAM-0042", "lat", 18.26, "lon", 109.4975, "incidentKind", "garbage-pile",
                "detectedAt", "2026-11-23T01:30:00Z", "snapshotUrl", "https://cams.example/s/42.jpg",
                "confidence", 0.93);
    }

    private static Map<String, Object> structuredEvent(String id) {
        return orderedMap("specversion", "1.0", "id", id, "source", "urn:st:hostile",
                "type", "onegrid.partner.video-incident.v1", "time", "2026-11-23T01:30:05Z",
                "datacontenttype", "application/json", "data", videoData());
    }

    private static List<Case> partnerEvents() {
        List<Case> cases = new ArrayList<>();
        String path = "/intake/events";
        Map<String, String> structured = Map.of("Content-Type", "application/cloudevents+json",
                "X-Api-Key", HotlineCases.API_KEY);
        Object[][] envelope = {
                {"unknown type", "type", "onegrid.partner.unheard-of.v1"},
                {"type of another topic", "type", "onegrid.ticket.reported.v1"},
                {"future version", "type", "onegrid.partner.video-incident.v2"},
                {"id missing", "id", null},
                {"id as object", "id", Map.of("$gt", "")},
                {"id huge", "id", LONG},
                {"source missing", "source", null},
                {"specversion 0.3", "specversion", "0.3"},
                {"time not RFC 3339", "time", "yesterday"},
                {"time far future", "time", "+999999999-12-31T23:59:59Z"},
                {"datacontenttype xml", "datacontenttype", "application/xml"},
                {"data missing", "data", null},
                {"data an array", "data", List.of(1, 2)},
                {"data empty", "data", Map.of()},
                {"data a string", "data", "garbage-pile"}};
        int n = 0;
        for (Object[] e : envelope) {
            Map<String, Object> event = new java.util.LinkedHashMap<>(structuredEvent("st-hostile-ev-" + n++));
            event.put((String) e[1], e[2]);
            cases.add(new Case("partner event: " + e[0], "POST", path, null,
                    json(event).getBytes(StandardCharsets.UTF_8), structured));
        }
        Object[][] data = {
                {"cameraId missing", "cameraId", null},
                {"lat 91", "lat", 91},
                {"lon as text", "lon", "east"},
                {"incidentKind unknown", "incidentKind", "alien-landing"},
                {"incidentKind operator", "incidentKind", Map.of("$ne", "")},
                {"detectedAt garbage", "detectedAt", "0000-13-45"},
                {"detectedAt far future", "detectedAt", "+999999999-12-31T23:59:59Z"},
                {"snapshotUrl javascript", "snapshotUrl", "javascript:alert(1)"},
                {"confidence 2", "confidence", 2},
                {"confidence overflowing", "confidence", new java.math.BigInteger("9".repeat(400))}};
        for (Object[] d : data) {
            Map<String, Object> payload = new java.util.LinkedHashMap<>(videoData());
            payload.put((String) d[1], d[2]);
            Map<String, Object> event = new java.util.LinkedHashMap<>(structuredEvent("st-hostile-ev-" + n++));
            event.put("data", payload);
            cases.add(new Case("partner event data: " + d[0], "POST", path, null,
                    json(event).getBytes(StandardCharsets.UTF_8), structured));
        }
        byte[] oversize = json(orderedMap("specversion", "1.0", "id", "st-hostile-big", "source", "urn:st:hostile",
                "type", "onegrid.partner.wechat-report.v1", "data", orderedMap("reportId", "r", "content",
                        "x".repeat(70_000), "districtCode", "TY", "reportedAt", "2026-11-23T01:30:00Z")))
                .getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("partner event: over 64 KB", "POST", path, null, oversize, structured));
        cases.add(new Case("partner event: not JSON", "POST", path, null,
                "{\"specversion\": \"1.0\", \"id\": ".getBytes(StandardCharsets.UTF_8), structured));
        cases.add(new Case("partner event: deep JSON", "POST", path, null,
                ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8), structured));
        cases.add(new Case("partner event: plain JSON without ce headers", "POST", path, null,
                json(videoData()).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Api-Key", HotlineCases.API_KEY)));
        // Binary mode: attributes in ce-* headers.
        byte[] wechat = json(orderedMap("reportId", "wx-st", "categoryHint", "roads", "content", "井盖缺失",
                "districtCode", "TY", "reportedAt", "2026-11-23T02:00:00Z")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> ce = orderedMap("Content-Type", "application/json", "X-Api-Key", HotlineCases.API_KEY,
                "ce-specversion", "1.0", "ce-id", "st-hostile-bin", "ce-source", "urn:st:hostile",
                "ce-type", "onegrid.partner.wechat-report.v1", "ce-time", "2026-11-23T02:00:00Z");
        for (String[] h : new String[][] {{"ce-id missing", "ce-id", null}, {"ce-source missing", "ce-source", null},
                {"ce-type missing", "ce-type", null}, {"ce-type unknown", "ce-type", "onegrid.partner.nope.v1"},
                {"ce-specversion 2.0", "ce-specversion", "2.0"}, {"ce-time garbage", "ce-time", "not-a-time"},
                {"content type xml", "Content-Type", "application/xml"}}) {
            Map<String, String> headers = new java.util.HashMap<>(ce);
            if (h[2] == null) {
                headers.remove(h[1]);
            } else {
                headers.put(h[1], h[2]);
            }
            cases.add(new Case("partner event binary: " + h[0], "POST", path, null, wechat, headers));
        }
        for (Object[] b : new Object[][] {{"data empty", "{}"}, {"data an array", "[1]"}, {"data not JSON", "{x"},
                {"content missing", json(orderedMap("reportId", "wx", "districtCode", "TY",
                        "reportedAt", "2026-11-23T02:00:00Z"))},
                {"content over 4000", json(orderedMap("reportId", "wx", "content", "长".repeat(4001),
                        "districtCode", "TY", "reportedAt", "2026-11-23T02:00:00Z"))},
                {"neither place nor district", json(orderedMap("reportId", "wx", "content", "x",
                        "reportedAt", "2026-11-23T02:00:00Z"))},
                {"mediaUrls not URLs", json(orderedMap("reportId", "wx", "content", "x", "districtCode", "TY",
                        "mediaUrls", List.of("file:///etc/passwd"), "reportedAt", "2026-11-23T02:00:00Z"))}}) {
            cases.add(new Case("partner event binary: " + b[0], "POST", path, null,
                    ((String) b[1]).getBytes(StandardCharsets.UTF_8), ce));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> orderedMap(Object... kv) {
        Map<String, V> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (V) kv[i + 1]);
        }
        return m;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    }

    static String json(Object value) {
        return Http.JSON.writeValueAsString(value);
    }
}
