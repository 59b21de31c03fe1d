package org.onegrid.ticket.domain.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 12345 hotline's request signature, both ways (its cases to us, our status callbacks to it):
 * {@code hex(HMAC-SHA256(secret, timestamp + "\n" + body))}, the timestamp in epoch seconds. A signature is only
 * accepted within {@link #MAX_SKEW} of the timestamp, so a captured request cannot be replayed later; within that
 * window the caller remembers signatures it has seen.
 */
public final class HotlineSignature {

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Why a request is refused; {@code null} from {@link #check} means it is authentic. */
    public enum Failure {
        MISSING("the X-Hotline-Partner, X-Hotline-Timestamp and X-Hotline-Signature headers are required"),
        UNKNOWN_PARTNER("the partner is unknown"),
        BAD_TIMESTAMP("X-Hotline-Timestamp must be epoch seconds"),
        EXPIRED("the timestamp is more than 5 minutes away from our clock"),
        BAD_SIGNATURE("the signature does not match"),
        REPLAYED("this signature was already used");

        private final String message;

        Failure(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private HotlineSignature() {
    }

    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Checks timestamp and signature (not replay: that needs memory). The comparison takes the same time wherever
     * the first wrong character is, so a signature cannot be found byte by byte.
     */
    public static Failure check(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Failure.MISSING;
        }
        if (secret == null || secret.isEmpty()) {
            return Failure.UNKNOWN_PARTNER;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Failure.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
            return Failure.EXPIRED;
        }
        byte[] expected = sign(secret, timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : Failure.BAD_SIGNATURE;
    }

    /** Until when a seen signature must be remembered: after that its timestamp is refused anyway. */
    public static Instant rememberUntil(String timestamp) {
        return Instant.ofEpochSecond(Long.parseLong(timestamp.strip())).plus(MAX_SKEW).plusSeconds(60);
    }
}
