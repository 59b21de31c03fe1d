package org.onegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

/** Limits, failures and the request id, through the real gateway. */
class ProtectionTest extends GatewayTestSupport {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    private static final String PROBLEM = "application/problem+json";

    @Test
    void rateLimitAnswers429WithRetryAfterThenRecovers() throws InterruptedException {
        String auth = "Bearer " + token("rl-tester", "grid-worker");
        HttpStatus last = HttpStatus.OK;
        EntityExchangeResult<byte[]> limited = null;
        // Bucket of 3 for this user; the 4th request within the refill interval must be refused.
        for (int i = 0; i < 4; i++) {
            limited = client.get().uri("/api/grid/tasks").header("Authorization", auth).exchange()
                    .expectBody().returnResult();
            last = HttpStatus.valueOf(limited.getStatus().value());
        }
        assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(limited.getResponseHeaders().getContentType().toString()).startsWith(PROBLEM);
        long retryAfter = Long.parseLong(limited.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 100);
        client.get().uri("/api/grid/tasks").header("Authorization", auth).exchange().expectStatus().isOk();
    }

    @Test
    void oversizeBodyIs413Problem() {
        String auth = "Bearer " + token(fresh("gw"), "grid-worker");
        client.post().uri("/api/tickets").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"" + "x".repeat(2000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.status").isEqualTo(413);
        client.post().uri("/api/tickets").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"small\"}").exchange().expectStatus().isOk();
    }

    @Test
    void oversizeStreamedBodyWithoutContentLengthIs413Problem() {
        String auth = "Bearer " + token(fresh("gw"), "grid-worker");
        for (MediaType type : new MediaType[] {MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON}) {
            Flux<String> chunks = Flux.range(0, 20).map(i -> "x".repeat(100));
            client.post().uri("/api/tickets/chunked").header("Authorization", auth).contentType(type)
                    .body(chunks, String.class)
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                    .expectHeader().contentTypeCompatibleWith(PROBLEM);
        }
    }

    /** Reactor Netty refuses these before any filter runs; the answer must still say what to fix. */
    @Test
    void anOverlongUriOrHeaderBlockIsAProblemNamingIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> longUri = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/tickets/" + "a".repeat(5_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(longUri.statusCode()).isEqualTo(414);
        assertThat(longUri.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(longUri.body()).contains("\"status\":414", "\"field\":\"uri\"", "longer than 4096 bytes");

        HttpResponse<String> bigHeaders = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/tickets")).header("X-Padding", "p".repeat(10_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeaders.statusCode()).isEqualTo(431);
        assertThat(bigHeaders.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(bigHeaders.body()).contains("\"field\":\"headers\"");

        client.get().uri("/api/tickets/" + "a".repeat(100)).header("Authorization",
                "Bearer " + token(fresh("gw"), "grid-worker")).exchange().expectStatus().isOk();
    }

    @Test
    void deeplyNestedJsonIs400ProblemAndOrdinaryJsonPassesIntact() {
        String auth = "Bearer " + token(fresh("gw"), "grid-worker");
        client.post().uri("/api/tickets/deep").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[".repeat(40) + "]".repeat(40))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.type").isEqualTo("https://onegrid.org/problems/json-too-deep");
        assertThat(TICKETS.last("/tickets/deep")).isNull();

        String body = "{\"text\":\"路灯不亮 [{\\\"x\\\"}]\",\"location\":{\"lat\":18.25,\"lon\":109.5}}";
        client.post().uri("/api/tickets/ordinary").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
        assertThat(TICKETS.last("/tickets/ordinary").body()).isEqualTo(body);
    }

    @Test
    void aServiceThatIsDownIs503Problem() {
        client.get().uri("/api/analytics/kpis").header("Authorization", "Bearer " + token(fresh("an"), "analyst"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://onegrid.org/problems/service-unavailable")
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void repeatedFailuresOpenTheServicesCircuitAndItStillAnswers503Problem() {
        String auth = "Bearer " + token(fresh("an"), "analyst");
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/analytics/kpis").header("Authorization", auth).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        assertThat(circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("analytics-service").getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        client.get().uri("/dashboard/index.html").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://onegrid.org/problems/service-unavailable");
    }

    @Test
    void aSlowServiceIs504ProblemAfterItsRouteTimeout() {
        client.get().uri("/api/talent/slow").header("Authorization", "Bearer " + token(fresh("t"), "talent"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
    }

    @Test
    void onlyReadsAreRetried() {
        String auth = "Bearer " + token(fresh("cs"), "center-staff");
        client.get().uri("/api/centers/flaky").header("Authorization", auth).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        client.post().uri("/api/centers/flaky").header("Authorization", auth).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(CENTERS.calls("GET /centers/flaky")).isEqualTo(3);
        assertThat(CENTERS.calls("POST /centers/flaky")).isEqualTo(1);
    }

    @Test
    void requestIdIsForwardedDownstreamAndEchoed() {
        client.get().uri("/api/tickets/public/rid-given").header("X-Request-Id", "req-abc-123").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-abc-123");
        assertThat(TICKETS.last("/tickets/public/rid-given").header("X-Request-Id")).isEqualTo("req-abc-123");

        String generated = client.get().uri("/api/tickets/public/rid-new").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).isNotBlank();
        assertThat(TICKETS.last("/tickets/public/rid-new").header("X-Request-Id")).isEqualTo(generated);
    }

    @Test
    void corsAllowsOnlyTheDashboardOrigin() {
        client.options().uri("/api/analytics/kpis").header("Origin", "http://dashboard.test")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://dashboard.test");
        client.options().uri("/api/analytics/kpis").header("Origin", "http://evil.test")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void securityHeadersAreSet() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }
}
