package org.onegrid.systemtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Open311 GeoReport v2 service requests ({@code POST /open311/v2/requests.json}, form-encoded, the local stack's
 * Open311 key). The specification has no idempotency key, so the case's key travels in the description and the
 * ticket is found by it; and a client cannot safely retry after an ambiguous failure ({@link #idempotent()}).
 */
final class Open311Requests implements IntakeStream {

    static final String API_KEY = "dev-open311-key";
    static final String CHANNEL = "OPEN311";
    /** Districts by name: a request without coordinates is placed by the district its address names. */
    static final Map<String, String> DISTRICT_NAMES = Map.of("HT", "海棠区", "JY", "吉阳区", "TY", "天涯区",
            "YZ", "崖州区", "YC", "育才生态区");
    private static final Pattern KEY = Pattern.compile("\\[(st-[A-Za-z0-9-]+)]");
    private final Http http;

    Open311Requests(Http http) {
        this.http = http;
    }

    @Override
    public String tag() {
        return "o";
    }

    @Override
    public String name() {
        return "Open311";
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Http.Response send(int n, String key) throws Exception {
        String district = GridReports.DISTRICTS.get(n % GridReports.DISTRICTS.size());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", "sanitation");
        form.put("address_string", DISTRICT_NAMES.get(district) + " 系统测试路 " + n + " 号");
        form.put("description", "垃圾满溢 [" + key + "]");
        return post(http, form);
    }

    static Http.Response post(Http http, Map<String, String> form) throws Exception {
        return http.send("POST", "/open311/v2/requests.json", null,
                encode(form).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Api-Key", API_KEY));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Override
    public Bson stored() {
        return Filters.and(Filters.eq("channel", CHANNEL), Filters.regex("description", "\\[st-"));
    }

    @Override
    public String keyOf(Document ticket) {
        Matcher m = KEY.matcher(String.valueOf(ticket.getString("description")));
        return m.find() ? m.group(1) : null;
    }

    @Override
    public String ticketId(Http.Response accepted) {
        return accepted.json().path(0).path("service_request_id").asString();
    }
}
