package org.onegrid.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.onegrid.identity.GatewayHeaders;

/**
 * The two signatures the bench must produce: the 12345 hotline's over its request body, and the gateway's over the
 * identity headers it forwards (so requests can go straight to a service, measuring it without the gateway).
 * Both are lowercase hex HMAC-SHA256; the gateway's comes from the same {@link GatewayHeaders} the gateway uses.
 */
final class Signing {

    private Signing() {
    }

    /** {@code X-Hotline-Signature}: HMAC(secret, timestamp + "\n" + body). */
    static String hotline(String secret, long epochSeconds, byte[] body) {
        byte[] prefix = (epochSeconds + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return hmac(secret, message);
    }

    /**
     * Header name/value pairs as the gateway sets them for a caller: user, role, district, department, partner and
     * scopes (already URL-encoded, empty when absent), a timestamp, and the signature over them.
     */
    static String[] gatewayHeaders(String secret, String user, String role, String district, String department,
                                   String partner, String scopes, long epochSeconds) {
        List<String> values = List.of(user, role, district, department, partner, scopes, Long.toString(epochSeconds));
        String[] headers = new String[(values.size() + 1) * 2];
        for (int i = 0; i < values.size(); i++) {
            headers[2 * i] = GatewayHeaders.SIGNED.get(i);
            headers[2 * i + 1] = values.get(i);
        }
        headers[headers.length - 2] = GatewayHeaders.SIGNATURE;
        headers[headers.length - 1] = GatewayHeaders.sign(secret, values);
        return headers;
    }

    private static String hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
