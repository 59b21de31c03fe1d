package org.onegrid.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onegrid.systemtests.HostileCorpus.Case;

import static org.onegrid.systemtests.HostileCorpus.LONG;
import static org.onegrid.systemtests.HostileCorpus.abbreviate;
import static org.onegrid.systemtests.HostileCorpus.orderedMap;

/**
 * The hostile corpus's Open311 rows: form-encoded reports with one part spoiled each, and reads with bad queries and
 * ids. Open311 answers its errors in the specification's {@code [{code, description}]} shape.
 */
final class HostileOpen311Corpus {

    private HostileOpen311Corpus() {
    }

    /** A valid Open311 report: each case spoils one part of it. */
    private static Map<String, String> open311Form() {
        return orderedMap("service_code", "sanitation", "lat", "18.2600", "long", "109.4975",
                "description", "系统测试 恶意输入", "first_name", "测试");
    }

    private static Case open311Post(String name, Map<String, String> form, Map<String, String> headers) {
        var h = new java.util.HashMap<String, String>(Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Api-Key", Open311Requests.API_KEY));
        h.putAll(headers);
        h.values().removeIf(java.util.Objects::isNull);
        return new Case("open311 POST: " + name, "POST", "/open311/v2/requests.json", null,
                Open311Requests.encode(form).getBytes(StandardCharsets.UTF_8), h);
    }

    static List<Case> posts() {
        List<Case> cases = new ArrayList<>();
        Object[][] spoilers = {
                {"service_code missing", "service_code", null},
                {"service_code unknown", "service_code", "no-such-service"},
                {"service_code operator", "service_code", "{\"$gt\":\"\"}"},
                {"service_code traversal", "service_code", "../../etc/passwd"},
                {"lat missing (long only)", "lat", null},
                {"lat as text", "lat", "north"},
                {"lat 91", "lat", "91"},
                {"lat NaN", "lat", "NaN"},
                {"lat Infinity", "lat", "Infinity"},
                {"lat 1e999", "lat", "1e999"},
                {"long -180.5", "long", "-180.5"},
                {"long hex", "long", "0x1p3"},
                {"description over 4000", "description", "长".repeat(4001)},
                {"media_url javascript", "media_url", "javascript:alert(1)"},
                {"media_url huge", "media_url", "https://x.example/" + "a".repeat(5000)},
                {"first_name huge", "first_name", LONG},
                {"last_name huge", "last_name", LONG},
                {"phone huge", "phone", "1".repeat(5000)},
                {"email huge", "email", "a".repeat(5000) + "@example.com"},
                {"address_string huge", "address_string", "天涯区" + LONG}};
        for (Object[] s : spoilers) {
            Map<String, String> form = new java.util.LinkedHashMap<>(open311Form());
            if (s[2] == null) {
                form.remove((String) s[1]);
            } else {
                form.put((String) s[1], (String) s[2]);
            }
            if (s[1].equals("address_string")) {
                form.remove("lat");
                form.remove("long");
            }
            cases.add(open311Post(s[0].toString(), form, Map.of()));
        }
        Map<String, String> noPlace = new java.util.LinkedHashMap<>(open311Form());
        noPlace.remove("lat");
        noPlace.remove("long");
        cases.add(open311Post("no location", noPlace, Map.of()));
        noPlace.put("address_string", "火星基地 1 号");
        cases.add(open311Post("address outside Sanya", noPlace, Map.of()));
        Map<String, String> noise = new java.util.LinkedHashMap<>(open311Form());
        noise.put("service_code", "noise");
        cases.add(open311Post("required attribute missing", noise, Map.of()));
        for (String[] a : new String[][] {{"attribute[time_of_day]", "midnight"},
                {"attribute[time_of_day]", "{\"$ne\":null}"}, {"attribute[time_of_day]", LONG}}) {
            Map<String, String> f = new java.util.LinkedHashMap<>(noise);
            f.put(a[0], a[1]);
            cases.add(open311Post("attribute " + a[0] + "=" + abbreviate(a[1]), f, Map.of()));
        }
        Map<String, String> injected = new java.util.LinkedHashMap<>(noise);
        injected.put("attribute[$where]", "sleep(1000)");
        injected.put("attribute[time_of_day][$gt]", "");
        cases.add(open311Post("attribute injection without the required one", injected, Map.of()));
        cases.add(open311Post("api_key bad, no key header", withKey("bad-key"), mapOfNull("X-Api-Key")));
        cases.add(open311Post("X-Api-Key bad", open311Form(), Map.of("X-Api-Key", "bad-key")));
        cases.add(open311Post("X-Api-Key without open311:write", open311Form(),
                Map.of("X-Api-Key", HotlineCases.API_KEY)));
        cases.add(open311Post("JSON body", open311Form(), Map.of("Content-Type", "application/json")));
        cases.add(open311Post("body over the gateway limit", orderedMap("service_code", "sanitation",
                "description", "x".repeat(1_100_000)), Map.of()));
        cases.add(new Case("open311 POST: XML format", "POST", "/open311/v2/requests.xml", null,
                Open311Requests.encode(open311Form()).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Api-Key", Open311Requests.API_KEY)));
        return cases;
    }

    private static Map<String, String> withKey(String key) {
        Map<String, String> f = new java.util.LinkedHashMap<>(open311Form());
        f.put("api_key", key);
        return f;
    }

    private static Map<String, String> mapOfNull(String key) {
        var m = new java.util.HashMap<String, String>();
        m.put(key, null);
        return m;
    }

    static List<Case> reads() {
        List<Case> cases = new ArrayList<>();
        for (String query : List.of("start_date=not-a-date", "end_date=2024-02-30", "start_date=2026-11-20T00:00:00",
                "start_date=2026-01-01&end_date=2026-11-01", "start_date=2026-11-23&end_date=2026-11-01",
                "start_date=-999999999-01-01", "end_date=%2B999999999-12-31T23:59:59Z",
                "page_size=100000", "page_size=-1", "page_size=0", "page=0", "page=-3", "page=abc",
                "page=99999999999999999999", "status=nope", "status=open,%7B%24gt%7D", "service_code=nope",
                "service_code=..%2F..%2Fetc%2Fpasswd")) {
            cases.add(new Case("open311 requests.json?" + abbreviate(query), "GET", "/open311/v2/requests.json?"
                    + query, null, null, Map.of()));
        }
        for (String query : List.of("start_date=yesterday", "start_date=2026-01-01&end_date=2026-11-01",
                "end_date=2026-13-45")) {
            cases.add(new Case("open311 updates ?" + query, "GET", "/open311/v2/servicerequestupdates.json?" + query,
                    null, null, Map.of()));
        }
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%7B%22%24gt%22%3A%22%22%7D", "x".repeat(3000), "%00",
                "%FF%FE", "..;")) {
            cases.add(new Case("open311 request id " + abbreviate(id), "GET", "/open311/v2/requests/" + id + ".json",
                    null, null, Map.of()));
            cases.add(new Case("open311 service " + abbreviate(id), "GET", "/open311/v2/services/" + id + ".json",
                    null, null, Map.of()));
        }
        cases.add(new Case("open311 discovery.xml", "GET", "/open311/v2/services.xml", null, null, Map.of()));
        return cases;
    }
}
