package org.onegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.identity.GatewayHeaders;
import org.springframework.http.MediaType;

/** People (bearer JWTs) and partners (API keys) through the real gateway to a real downstream server. */
class IdentityAndAccessTest extends GatewayTestSupport {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void noCredentialsOnAProtectedRouteIs401Problem() {
        client.get().uri("/api/tickets/T-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("https://onegrid.org/problems/unauthenticated");
    }

    @Test
    void aForgedTokenIs401Problem() {
        client.get().uri("/api/tickets/T-1").header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
    }

    @Test
    void aRoleWithoutAccessIs403Problem() {
        String token = token(fresh("res"), "resident");
        client.get().uri("/api/talent/profiles").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.type").isEqualTo("https://onegrid.org/problems/forbidden");
    }

    @Test
    void aDispatcherIsHeldToTheirDistrict() {
        String token = token(fresh("disp"), "dispatcher", "天涯区", null);
        client.get().uri(u -> u.path("/api/tickets").queryParam("district", "吉阳区").build())
                .header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
        client.get().uri("/api/grid/districts/吉阳区/grids").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isForbidden();
        client.get().uri(u -> u.path("/api/tickets").queryParam("district", "天涯区").build())
                .header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aDepartmentHandlerIsHeldToTheirDepartment() {
        String token = token(fresh("dept"), "department-handler", null, "sanitation");
        client.get().uri(u -> u.path("/api/tickets").queryParam("department", "housing").build())
                .header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isForbidden();
        client.get().uri(u -> u.path("/api/tickets").queryParam("department", "sanitation").build())
                .header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();
    }

    @Test
    void spoofedIdentityHeadersAreReplacedByTheVerifiedIdentityAndSigned() {
        String user = fresh("wang");
        String token = token(user, "dispatcher", "天涯区", null);
        client.get().uri("/api/tickets/spoof-check")
                .header("Authorization", "Bearer " + token)
                .header("X-OneGrid-User", "boss")
                .header("X-OneGrid-Role", "admin")
                .header("x-onegrid-partner", "evil")
                .header("X-OneGrid-Gateway-Signature", "forged")
                .exchange().expectStatus().isOk();

        StubService.Seen seen = TICKETS.last("/tickets/spoof-check");
        assertThat(seen.header("X-OneGrid-User")).isEqualTo(user);
        assertThat(seen.header("X-OneGrid-Role")).isEqualTo("dispatcher");
        assertThat(seen.header("X-OneGrid-District")).isEqualTo(GatewayHeaders.encode("天涯区"));
        assertThat(seen.header("X-OneGrid-Partner")).isEmpty();
        assertThat(seen.header("Authorization")).isNull();
        List<String> signed = GatewayHeaders.SIGNED.stream().map(seen::header).toList();
        assertThat(seen.header("X-OneGrid-Gateway-Signature")).isEqualTo(GatewayHeaders.sign(SECRET, signed));
    }

    @Test
    void publicRoutesNeedNoCredentialsButAreStillSigned() {
        client.get().uri(u -> u.path("/api/centers/nearby").queryParam("lat", "18.25").queryParam("lon", "109.5").build())
                .header("X-OneGrid-Role", "admin")
                .exchange().expectStatus().isOk();
        StubService.Seen seen = CENTERS.last("/centers/nearby");
        assertThat(seen.header("X-OneGrid-User")).isEmpty();
        assertThat(seen.header("X-OneGrid-Role")).isEmpty();
        assertThat(seen.header("X-OneGrid-Gateway-Signature")).isNotBlank();

        client.get().uri("/api/centers/C-7/board").exchange().expectStatus().isOk();
        client.get().uri("/open311/v2/requests.json").exchange().expectStatus().isOk();
        client.get().uri("/api/tickets/public/board").exchange().expectStatus().isOk();
        // Writes on the same prefixes are not public.
        client.post().uri("/open311/v2/requests.json").exchange().expectStatus().isBadRequest();
        client.post().uri("/api/centers/C-7/board").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownPathIs404ProblemForACaller() {
        client.get().uri("/api/nothing-here").header("Authorization", "Bearer " + token(fresh("a"), "analyst"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void partnerKeysAreCreatedUsedAndRevokedWithoutRestart() {
        String admin = "Bearer " + token(fresh("admin"), "admin");
        Map<String, Object> created = client.post().uri("/admin/api-keys").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partner", "hotline-12345", "scopes", List.of("hotline:write")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        String key = (String) created.get("key");

        client.post().uri("/intake/hotline").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "streetlight out")).exchange().expectStatus().isOk();
        StubService.Seen seen = TICKETS.last("/intake/hotline");
        assertThat(seen.header("X-OneGrid-Partner")).isEqualTo("hotline-12345");
        assertThat(seen.header("X-OneGrid-Scopes")).isEqualTo(GatewayHeaders.encode("hotline:write"));
        assertThat(seen.header("X-Api-Key")).as("the partner's secret stays at the gateway").isNull();

        // A key without the scope is refused.
        client.post().uri("/open311/v2/requests.json").header("X-Api-Key", key).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$[0].code").isEqualTo(403);

        // The listing never shows secrets or hashes.
        client.get().uri("/admin/api-keys").header("Authorization", admin).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains(id).doesNotContain(key)
                        .doesNotContain("sha256"));

        client.delete().uri("/admin/api-keys/" + id).header("Authorization", admin).exchange().expectStatus().isOk();
        client.post().uri("/intake/hotline").header("X-Api-Key", key).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
    }

    @Test
    void onlyAdminsManageKeys() {
        client.get().uri("/admin/api-keys").header("Authorization", "Bearer " + token(fresh("d"), "analyst"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/admin/api-keys").exchange().expectStatus().isUnauthorized();
        client.post().uri("/admin/api-keys").header("Authorization", "Bearer " + token(fresh("ad"), "admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("partner", "x y", "scopes", List.of("nope")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partner");
    }

    @Test
    void devIssuerPublishesItsKeysAndRefusesUnboundDispatchers() {
        client.get().uri("/dev-auth/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].d").doesNotExist();
        client.post().uri("/dev-auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("user", "li", "role", "dispatcher")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
    }
}
