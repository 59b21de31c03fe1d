package org.onegrid.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the stack's gateway, sending exactly the bytes it is given. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "http://127.0.0.1:" + Stack.GATEWAY;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Response(int status, String contentType, String raw) {
        JsonNode json() {
            String t = raw.trim();
            return t.startsWith("{") || t.startsWith("[") ? JSON.readTree(raw) : JSON.createObjectNode();
        }
    }

    /** A development token from the gateway's issuer. */
    String token(String user, String role, String district, String department) throws Exception {
        var body = JSON.createObjectNode().put("user", user).put("role", role);
        if (district != null) {
            body.put("district", district);
        }
        if (department != null) {
            body.put("department", department);
        }
        Response r = send("POST", "/dev-auth/token", null, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException("token for " + role + ": " + r.raw());
        }
        return r.json().path("access_token").asString();
    }

    Response get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Response send(String method, String path, String token, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
