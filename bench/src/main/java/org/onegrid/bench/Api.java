package org.onegrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack's HTTP surface as the bench uses it: the gateway (tokens, API key), and the services directly with
 * headers signed as the gateway signs them (the bench starts the stack with its own gateway secret, so it knows it).
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HOTLINE_PARTNER = "hotline-12345";
    static final String HOTLINE_SECRET = "dev-hotline-secret";
    static final String HOTLINE_KEY = "dev-hotline-key";

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    final BenchOptions options;
    final String gatewaySecret;
    final HttpClient http = OpenLoad.client();

    Api(BenchOptions options, String gatewaySecret) {
        this.options = options;
        this.gatewaySecret = gatewaySecret;
    }

    String gateway(String path) {
        return "http://127.0.0.1:" + options.gatewayPort() + path;
    }

    String ticket(String path) {
        return "http://127.0.0.1:" + options.ticketPort() + path;
    }

    String analytics(String path) {
        return "http://127.0.0.1:" + options.analyticsPort() + path;
    }

    /** A development token from the gateway's issuer. */
    String token(String user, String role, String district) throws IOException, InterruptedException {
        String body = "{\"user\":\"" + user + "\",\"role\":\"" + role + "\""
                + (district == null ? "" : ",\"district\":\"" + district + "\"") + "}";
        Response r = send(HttpRequest.newBuilder(URI.create(gateway("/dev-auth/token")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.status() != 200) {
            throw new IllegalStateException("token for " + role + ": " + r.status() + " " + r.body());
        }
        return r.json().path("access_token").asString();
    }

    Response get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b);
    }

    /** A GET straight to a service, carrying a gateway-signed identity with one role. */
    Response getDirect(String url, String role) throws IOException, InterruptedException {
        return getDirect(url, role, "");
    }

    /** The same, with the caller's district (a code such as TY, as the dev issuer puts it in tokens). */
    Response getDirect(String url, String role, String district) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .headers(Signing.gatewayHeaders(gatewaySecret, "bench", role, district, "", "", "",
                        Instant.now().getEpochSecond())));
    }

    Response postDirect(String url, String role, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .headers(Signing.gatewayHeaders(gatewaySecret, "bench", role, "", "", "", "",
                        Instant.now().getEpochSecond()))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    /** A signed hotline delivery of {@code body}, through the gateway (API key) or straight to ticket-service. */
    HttpRequest.Builder hotlineCase(boolean throughGateway, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(throughGateway
                        ? gateway("/intake/hotline/cases") : ticket("/intake/hotline/cases")))
                .header("Content-Type", "application/json")
                .header("X-Hotline-Partner", HOTLINE_PARTNER)
                .header("X-Hotline-Timestamp", Long.toString(now))
                .header("X-Hotline-Signature", Signing.hotline(HOTLINE_SECRET, now, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (throughGateway) {
            b.header("X-Api-Key", HOTLINE_KEY);
        } else {
            // What the gateway forwards for the dev hotline key: its id as user, its partner and scopes (sorted).
            b.headers(Signing.gatewayHeaders(gatewaySecret, "dev-hotline", "", "", "", HOTLINE_PARTNER,
                    "events%3Awrite%2Chotline%3Awrite", now));
        }
        return b;
    }
}
