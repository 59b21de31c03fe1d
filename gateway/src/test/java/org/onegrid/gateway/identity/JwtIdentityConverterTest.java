package org.onegrid.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JwtIdentityConverterTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60)).subject("sub-1");
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void keycloakTokensGiveRealmRolesAndTheDistrictBinding() {
        CallerIdentity id = JwtIdentityConverter.identity(jwt(Map.of(
                "preferred_username", "dispatcher-tianya",
                "realm_access", Map.of("roles", List.of("dispatcher", "offline_access", "uma_authorization")),
                "district", "天涯区")));
        assertThat(id.user()).isEqualTo("dispatcher-tianya");
        assertThat(id.roles()).containsExactly("dispatcher");
        assertThat(id.district()).isEqualTo("天涯区");
        assertThat(id.partner()).isNull();
    }

    @Test
    void unknownRolesAreIgnored() {
        CallerIdentity id = JwtIdentityConverter.identity(jwt(Map.of("role", "superuser")));
        assertThat(id.user()).isEqualTo("sub-1");
        assertThat(id.roles()).isEmpty();
    }

    @Test
    void theKeycloakRealmExportDefinesExactlyOneGridsRoles() throws Exception {
        JsonNode realm = JsonMapper.builder().build()
                .readTree(Files.readString(Path.of("../deploy/keycloak/onegrid-realm.json")));
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asString()));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Roles.ALL);
    }
}
