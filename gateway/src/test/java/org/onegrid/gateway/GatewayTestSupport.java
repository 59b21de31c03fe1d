package org.onegrid.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the real gateway (random port) in front of real HTTP stubs for ticket, talent and centre services; the
 * analytics service's address points at a closed port, i.e. that service is down. One shared context for all
 * gateway integration tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onegrid.gateway.dev-issuer.enabled=true",
        "onegrid.gateway.secret=" + GatewayTestSupport.SECRET,
        "onegrid.gateway.max-body-bytes=1024",
        "onegrid.gateway.cors-origins=http://dashboard.test",
        "onegrid.gateway.rate-limit.overrides[user\\:rl-tester].capacity=3",
        "onegrid.gateway.rate-limit.overrides[user\\:rl-tester].refill=1",
        "onegrid.gateway.rate-limit.overrides[user\\:rl-tester].period=2s",
        // The talent route gets a short response timeout so a slow service is seen quickly.
        "TALENT_TIMEOUT_MS=1000",
        "logging.structured.format.console=",
})
public abstract class GatewayTestSupport {

    static final String SECRET = "gateway-test-secret-0123456789";
    static final StubService TICKETS = new StubService();
    static final StubService TALENT = new StubService();
    static final StubService CENTERS = new StubService();
    static final int DOWN_PORT = closedPort();

    @LocalServerPort
    int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("TICKET_SERVICE_URL", TICKETS::url);
        registry.add("TALENT_SERVICE_URL", TALENT::url);
        registry.add("CENTER_SERVICE_URL", CENTERS::url);
        registry.add("ANALYTICS_SERVICE_URL", () -> "http://127.0.0.1:" + DOWN_PORT);
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** A fresh user name, so each test has its own rate-limit bucket and its own downstream traces. */
    protected static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String token(String user, String role) {
        return token(user, role, null, null);
    }

    @SuppressWarnings("unchecked")
    protected String token(String user, String role, String district, String department) {
        Map<String, String> body = new HashMap<>();
        body.put("user", user);
        body.put("role", role);
        if (district != null) {
            body.put("district", district);
        }
        if (department != null) {
            body.put("department", department);
        }
        Map<String, Object> response = client.post().uri("/dev-auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) response.get("access_token");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
