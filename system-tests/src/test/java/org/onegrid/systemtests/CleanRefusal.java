package org.onegrid.systemtests;

/** Whether an answer to hostile input is a clean refusal, as every one must be. */
final class CleanRefusal {

    private CleanRefusal() {
    }

    /**
     * null when the answer is a clean refusal: 4xx, problem+json (under /open311/ the specification's error list
     * {@code [{"code": <status>, "description": …}]} is the service's format; the gateway's own refusals stay
     * problem+json), no stack trace.
     */
    static String verdict(String path, Http.Response r) {
        if (r.status() >= 500) {
            return "server error";
        }
        if (r.status() < 400) {
            return "accepted";
        }
        boolean open311Error = path.startsWith("/open311/") && r.contentType().startsWith("application/json")
                && r.json().isArray() && r.json().path(0).path("code").asInt() == r.status()
                && !r.json().path(0).path("description").asString().isBlank();
        if (!r.contentType().startsWith("application/problem+json") && !open311Error) {
            return "content type " + r.contentType();
        }
        String body = r.raw();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.")
                || body.contains("at java.")) {
            return "stack trace or exception class in the body";
        }
        return null;
    }
}
