package org.onegrid.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.identity.GatewayHeaders;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real servlet service with service-support auto-configured and gateway trust on: a direct call that bypasses
 * the gateway is refused; a call carrying the gateway's signed headers reaches the controller with its identity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = GatewayTrustIntegrationTest.App.class,
        properties = {"onegrid.gateway-trust.enabled=true", "onegrid.gateway-trust.secret=" + GatewayTrustIntegrationTest.SECRET,
                "spring.mongodb.database=trust-test", "spring.mongodb.uri=mongodb://127.0.0.1:1"})
class GatewayTrustIntegrationTest {

    static final String SECRET = "integration-secret-0123456789";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WhoAmI.class)
    static class App {
    }

    @RestController
    static class WhoAmI {
        @GetMapping("/whoami")
        Map<String, Object> whoami() {
            CallerIdentity id = CallerIdentity.current();
            return Map.of("user", id.user(), "roles", id.roles());
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDirectCallBypassingTheGatewayIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/whoami"))
                .header(GatewayHeaders.USER, "boss").header(GatewayHeaders.ROLE, "admin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("not-through-gateway").doesNotContain("Exception");
    }

    @Test
    void aCallThroughTheGatewayCarriesItsIdentity() throws Exception {
        List<String> values = List.of("wang", "center-staff", "", "", "", "", Long.toString(Instant.now().getEpochSecond()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/whoami"));
        for (int i = 0; i < values.size(); i++) {
            request.header(GatewayHeaders.SIGNED.get(i), values.get(i));
        }
        request.header(GatewayHeaders.SIGNATURE, GatewayHeaders.sign(SECRET, values));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"user\":\"wang\"").contains("center-staff");
    }

    @Test
    void apiDocsStayOpen() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
