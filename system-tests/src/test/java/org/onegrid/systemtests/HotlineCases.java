package org.onegrid.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * 12345 hotline cases ({@code POST /intake/hotline/cases} with the local stack's partner key), signed the way the
 * hotline signs them. The case number is the idempotency key; each attempt is signed afresh (a signature already
 * seen is refused as a replay), with a timestamp later than the previous attempt's. Caller and content differ per
 * case, so that the repeat-caller merge (same caller, same content, earlier ticket open) never applies.
 */
final class HotlineCases implements IntakeStream {

    static final String API_KEY = "dev-hotline-key";
    static final String PARTNER = "hotline-12345";
    static final String SECRET = "dev-hotline-secret";
    static final String CHANNEL = "HOTLINE_12345";
    private final Http http;
    private final Map<String, Long> lastTimestamp = new ConcurrentHashMap<>();

    HotlineCases(Http http) {
        this.http = http;
    }

    @Override
    public String tag() {
        return "h";
    }

    @Override
    public String name() {
        return "12345 hotline";
    }

    @Override
    public Http.Response send(int n, String key) throws Exception {
        String district = GridReports.DISTRICTS.get(n % GridReports.DISTRICTS.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", key);
        body.put("receivedAt", "2026-11-23T02:15:00Z");
        body.put("callerName", "系统测试");
        body.put("callerPhone", String.format("139%08d", n));
        body.put("content", "系统测试 " + key + " 路面积水，第 " + n + " 号");
        body.put("categoryCode", "CSGL-HJWS");
        body.put("districtCode", district);
        body.put("urgency", "NORMAL");
        byte[] bytes = HostileCorpus.json(body).getBytes(StandardCharsets.UTF_8);
        // Same bytes and same second would be the same signature, refused as a replay: move on by a second.
        long ts = lastTimestamp.merge(key, Instant.now().getEpochSecond(), (old, now) -> Math.max(now, old + 1));
        return http.send("POST", "/intake/hotline/cases", null, bytes, signed(bytes, ts));
    }

    /** The headers of a delivery signed with the partner's secret at {@code epochSeconds}. */
    static Map<String, String> signed(byte[] body, long epochSeconds) {
        String ts = String.valueOf(epochSeconds);
        return Map.of("Content-Type", "application/json", "X-Api-Key", API_KEY, "X-Hotline-Partner", PARTNER,
                "X-Hotline-Timestamp", ts, "X-Hotline-Signature", signature(SECRET, ts, body));
    }

    static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Bson stored() {
        return Filters.and(Filters.eq("channel", CHANNEL), Filters.regex("sourceRef", "^st-"));
    }

    @Override
    public String keyOf(Document ticket) {
        return ticket.getString("sourceRef");
    }

    @Override
    public String ticketId(Http.Response accepted) {
        return accepted.json().path("ticketId").asString();
    }
}
