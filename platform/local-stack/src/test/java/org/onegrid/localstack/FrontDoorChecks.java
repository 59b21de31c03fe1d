package org.onegrid.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/**
 * The gateway in front of the real services: who may do what, what a client cannot fake, and how it answers when
 * a request is too big, too frequent, or a service is down — always problem+json.
 */
final class FrontDoorChecks {

    private final Gateway gateway = new Gateway();

    void run() throws Exception {
        String dispatcherTY = gateway.token("dispatcher-ty", "dispatcher", "TY", null);
        String resident = gateway.token("resident-fd", "resident", null, null);
        String admin = gateway.token("admin-fd", "admin", null, null);

        problem(gateway.get("/api/tickets?district=JY", dispatcherTY), 403, "another district's tickets");
        String ticketId = gateway.get("/api/tickets?district=TY&size=1", dispatcherTY).body()
                .path("items").get(0).path("id").asString();
        problem(gateway.post("/api/tickets/" + ticketId + "/dispatch", resident, Map.of("departmentCode", "HW"), null),
                403, "a resident dispatching (refused by ticket-service itself)");

        var spoofed = gateway.raw("GET", "http://127.0.0.1:8080/api/talent/talents", null, Map.of(
                "Authorization", "Bearer " + resident, "X-OneGrid-Role", "admin", "X-OneGrid-User", "admin"));
        problem(spoofed, 403, "a resident claiming to be admin in a header");

        var bypass = gateway.raw("POST", "http://127.0.0.1:8081/tickets", "{\"title\":\"x\"}", Map.of(
                "X-OneGrid-Role", "admin", "X-OneGrid-User", "intruder"));
        problem(bypass, 401, "calling ticket-service directly, around the gateway");

        String huge = "{\"content\":\"" + "长".repeat(1_200_000) + "\"}";
        problem(gateway.raw("POST", "http://127.0.0.1:8080/api/centers/TY-SANYAWAN/appeals", huge,
                Map.of("Authorization", "Bearer " + resident)), 413, "a body over the limit");

        var key = gateway.post("/admin/api-keys", admin, Map.of("partner", "fd-partner", "scopes",
                List.of("events:write")), null);
        assertThat(key.status()).as(key.raw()).isEqualTo(201);
        Map<String, String> withKey = Map.of("X-Api-Key", key.body().path("key").asString());
        assertThat(gateway.raw("POST", "http://127.0.0.1:8080/intake/events", "{}", withKey).status())
                .as("a valid key passes the gateway").isNotIn(401, 403);
        assertThat(gateway.delete("/admin/api-keys/" + key.body().path("id").asString(), admin).status()).isIn(200, 204);
        problem(gateway.raw("POST", "http://127.0.0.1:8080/intake/events", "{}", withKey), 401, "a revoked key");

        // The burst goes to an endpoint the gateway answers itself: hammering a service would (rightly) trip its
        // circuit breaker, which is not what this checks.
        String busy = gateway.token("busy-client", "dispatcher", "TY", null);
        List<Integer> statuses = gateway.burst("/dev-auth/jwks.json", busy, 300);
        assertThat(statuses).as("a burst over the rate limit").contains(429);
        Awaitility.await("the bucket refills").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/dev-auth/jwks.json", busy).status() == 200);
    }

    /** Stops analytics-service and checks that the gateway answers 503 problem+json for it. */
    static void serviceDown(ProcessHandle launcher) throws Exception {
        ProcessHandle analytics = launcher.children()
                .filter(p -> p.info().commandLine().orElse("").contains("analytics-service.jar"))
                .findFirst().orElseThrow();
        analytics.destroyForcibly();
        analytics.onExit().join();
        var response = new Gateway().get("/api/analytics/tickets/figures", null);
        problem(response, 503, "analytics-service down");
    }

    private static void problem(Gateway.Response response, int status, String what) {
        assertThat(response.status()).as(what + ": " + response.raw()).isEqualTo(status);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.raw()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
