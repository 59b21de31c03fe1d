package org.onegrid.ticket.intake.open311;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields of a GeoReport v2 {@code POST requests.json} form, checked one by one with the spec's 400 for the first
 * that is wrong. Whether the service code and the place exist is the controller's to check against the grid.
 */
record Open311Submission(String serviceCode, Map<String, String> answers, Double lat, Double lon, String address,
                         String description, String mediaUrl, String name, String phone, String email) {

    static final int MAX_DESCRIPTION = 4000;
    // The ticket's own limits (TicketRequests.Create), so that this door takes nothing the others refuse (found by the
    // reliability suite's hostile corpus: 5000-character names, phones and addresses were stored).
    private static final int MAX_NAME = 64;
    private static final int MAX_ADDRESS = 300;
    private static final int MAX_URL = 300;
    private static final int MAX_PHONE = 32;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]*");
    // Deliberately loose (one @, a dot in the domain, no spaces): the address is for staff to write back to.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;

    static Open311Submission parse(Map<String, String> form) {
        String code = required(form, "service_code");
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("attribute[") && k.endsWith("]")) {
                answers.put(k.substring("attribute[".length(), k.length() - 1), v);
            }
        });
        Double lat = number(form, "lat");
        Double lon = number(form, "long");
        String address = blankToNull(form.get("address_string"));
        if ((lat == null) != (lon == null)) {
            throw Open311Error.badRequest("give both lat and long, or address_string");
        }
        if (lat == null && address == null) {
            throw Open311Error.badRequest("a location is required: lat and long, or address_string");
        }
        atMost(form, "address_string", MAX_ADDRESS);
        atMost(form, "media_url", MAX_URL);
        atMost(form, "phone", MAX_PHONE);
        atMost(form, "email", MAX_EMAIL);
        String description = blankToNull(form.get("description"));
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw Open311Error.badRequest("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        String mediaUrl = blankToNull(form.get("media_url"));
        if (mediaUrl != null && !mediaUrl.matches("(?i)https?://\\S+")) {
            throw Open311Error.badRequest("media_url must be an http(s) URL");
        }
        String name = String.join(" ", Arrays.stream(new String[] {form.get("first_name"), form.get("last_name")})
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
        if (name.length() > MAX_NAME) {
            throw Open311Error.badRequest("first_name and last_name may have at most " + MAX_NAME
                    + " characters together");
        }
        String phone = blankToNull(form.get("phone"));
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw Open311Error.badRequest("phone must be a phone number");
        }
        String email = blankToNull(form.get("email"));
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw Open311Error.badRequest("email must be an e-mail address");
        }
        return new Open311Submission(code, answers, lat, lon, address, description, mediaUrl,
                name.isEmpty() ? null : name, phone, email);
    }

    private static void atMost(Map<String, String> form, String field, int max) {
        String value = form.get(field);
        if (value != null && value.strip().length() > max) {
            throw Open311Error.badRequest(field + " may have at most " + max + " characters");
        }
    }

    static String required(Map<String, String> form, String field) {
        String value = blankToNull(form.get(field));
        if (value == null) {
            throw Open311Error.badRequest(field + " is required");
        }
        return value;
    }

    private static Double number(Map<String, String> form, String field) {
        String value = blankToNull(form.get(field));
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw Open311Error.badRequest(field + " must be a decimal number");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
