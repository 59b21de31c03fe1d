package org.onegrid.events;

import java.util.regex.Pattern;

/**
 * Masking of personal data for logs, events and public views: mainland ID numbers, mobile phone numbers and names.
 * Free text from residents is scrubbed too, because people type their phone number into complaints.
 */
public final class PersonalData {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[\\dXx])(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PersonalData() {
    }

    /** 13812345678 → 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\s", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** Shows only the last 4 characters: 460200199001011234 → **************1234. */
    public static String maskIdNumber(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        int keep = Math.min(4, id.length());
        return "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
    }

    /** 王小明 → 王**; Alice Chen → A**********. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        int rest = trimmed.codePointCount(0, trimmed.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    /** wang.xiaoming@example.cn → w***@example.cn: enough to recognise one's own, not to write to it. */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "*".repeat(email.length());
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** Replaces ID and mobile numbers inside free text. */
    public static String scrubText(String text) {
        if (text == null) {
            return null;
        }
        String withoutIds = ID_NUMBER.matcher(text).replaceAll("$1********$2");
        return MOBILE.matcher(withoutIds).replaceAll("$1****$2");
    }
}
