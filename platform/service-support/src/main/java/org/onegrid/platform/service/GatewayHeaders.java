package org.onegrid.platform.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity headers the gateway sets on every request it forwards, and how their signature is computed:
 * HMAC-SHA256 (hex) over the header values exactly as sent — URL-encoded UTF-8, empty when absent — in
 * {@link #SIGNED} order, joined by '\n'. Must match {@code org.onegrid.gateway.identity.GatewaySignature}; both
 * sides are pinned by the same test vector.
 */
public final class GatewayHeaders {

    public static final String USER = "X-OneGrid-User";
    public static final String ROLE = "X-OneGrid-Role";
    public static final String DISTRICT = "X-OneGrid-District";
    public static final String DEPARTMENT = "X-OneGrid-Department";
    public static final String PARTNER = "X-OneGrid-Partner";
    public static final String SCOPES = "X-OneGrid-Scopes";
    public static final String TIMESTAMP = "X-OneGrid-Timestamp";
    public static final String SIGNATURE = "X-OneGrid-Gateway-Signature";

    public static final List<String> SIGNED = List.of(USER, ROLE, DISTRICT, DEPARTMENT, PARTNER, SCOPES, TIMESTAMP);

    private GatewayHeaders() {
    }

    public static String sign(String secret, List<String> values) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.join("\n", values).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String decode(String value) {
        return value == null || value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
