package org.onegrid.ticket.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The requester's rating token: only its SHA-256 hash is stored, and a presented token is compared in constant time. */
public final class RatingTokens {

    private RatingTokens() {
    }

    /** SHA-256 hex of a rating token. */
    public static String hash(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a presented token is the one whose hash is stored; false when either is missing. */
    static boolean matches(String storedHash, String presented) {
        return storedHash != null && presented != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.UTF_8), hash(presented).getBytes(StandardCharsets.UTF_8));
    }
}
