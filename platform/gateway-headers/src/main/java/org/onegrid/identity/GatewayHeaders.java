package org.onegrid.identity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity headers the gateway sets on every request it forwards, and their signature: HMAC-SHA256 (hex) over
 * the header values exactly as sent — URL-encoded UTF-8, empty when absent — in {@link #SIGNED} order, joined by
 * '\n'. The gateway signs with it and the services verify with it, so the two sides cannot drift apart.
 */
public final class GatewayHeaders {

    public static final String PREFIX = "X-OneGrid-";
    public static final String USER = "X-OneGrid-User";
    public static final String ROLE = "X-OneGrid-Role";
    public static final String DISTRICT = "X-OneGrid-District";
    public static final String DEPARTMENT = "X-OneGrid-Department";
    public static final String PARTNER = "X-OneGrid-Partner";
    public static final String SCOPES = "X-OneGrid-Scopes";
    public static final String TIMESTAMP = "X-OneGrid-Timestamp";
    public static final String SIGNATURE = "X-OneGrid-Gateway-Signature";

    /** Signed headers, in canonical order. */
    public static final List<String> SIGNED = List.of(USER, ROLE, DISTRICT, DEPARTMENT, PARTNER, SCOPES, TIMESTAMP);

    private GatewayHeaders() {
    }

    /** Header values are URL-encoded so Chinese district names travel in ASCII headers. */
    public static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The value as the gateway meant it; an absent or empty header is null. */
    public static String decode(String value) {
        return value == null || value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Hex HMAC-SHA256 of the values (already encoded, in {@link #SIGNED} order). */
    public static String sign(String secret, List<String> values) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.join("\n", values).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
