package org.onegrid.ticket.domain.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a hotline caller who calls again about the same thing: same phone (kept only as a hash for this) and
 * the same content once spacing, punctuation, letter case and full-width forms are ignored.
 */
public final class RepeatCaller {

    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");

    private RepeatCaller() {
    }

    /** SHA-256 of the phone's digits, without a leading +86 / 0086 country code. */
    public static String phoneHash(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : sha256("phone:" + digits);
    }

    /** The content reduced to what a person would call "the same words". */
    public static String normalise(String content) {
        if (content == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(content, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOISE.matcher(nfkc).replaceAll("");
    }

    public static String contentHash(String content) {
        return sha256("content:" + normalise(content));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
