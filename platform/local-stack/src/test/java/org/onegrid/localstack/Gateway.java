package org.onegrid.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running platform through its front door, as a person with a development token. */
final class Gateway {

    private static final String BASE = "http://127.0.0.1:8080";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    record Response(int status, JsonNode body, String raw, String contentType) {
    }

    /** A token from the local stack's development issuer. */
    String token(String user, String role, String district, String department) throws Exception {
        var body = JSON.createObjectNode().put("user", user).put("role", role);
        if (district != null) {
            body.put("district", district);
        }
        if (department != null) {
            body.put("department", department);
        }
        return call("POST", "/dev-auth/token", null, body.toString(), null).body().path("access_token").asString();
    }

    Response get(String path, String token) throws Exception {
        return call("GET", path, token, null, null);
    }

    Response post(String path, String token, Object body, String requestId) throws Exception {
        return call("POST", path, token, JSON.writeValueAsString(body), requestId);
    }

    Response delete(String path, String token) throws Exception {
        return call("DELETE", path, token, null, null);
    }

    /** A request with extra headers, to any base URL (the gateway or, to test bypassing it, a service). */
    Response raw(String method, String url, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return parse(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A form-encoded POST with no header of ours: what a third-party client such as an Open311 app sends. */
    Response form(String path, Map<String, String> fields) throws Exception {
        String body = String.join("&", fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).toList());
        return parse(http.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends the same GET many times at once and returns the statuses. */
    List<Integer> burst(String path, String token, int count) {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()));
        }
        return calls.stream().map(c -> c.join().statusCode()).toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response call(String method, String path, String token, String json, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return parse(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Response parse(HttpResponse<String> response) {
        JsonNode body = response.body().isBlank() || !response.body().trim().startsWith("{")
                && !response.body().trim().startsWith("[") ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }
}
