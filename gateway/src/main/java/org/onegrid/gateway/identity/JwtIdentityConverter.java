package org.onegrid.gateway.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Reads a person's identity from a verified JWT. Roles come from a {@code role}/{@code roles} claim (development
 * issuer) or Keycloak's {@code realm_access.roles}; only OneGrid's roles are kept. The district or department
 * binding comes from the {@code district}/{@code department} claims.
 */
public class JwtIdentityConverter implements Converter<Jwt, Mono<IdentityAuthentication>> {

    @Override
    public Mono<IdentityAuthentication> convert(Jwt jwt) {
        return Mono.just(new IdentityAuthentication(identity(jwt)));
    }

    public static CallerIdentity identity(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>();
        addRoles(roles, jwt.getClaim("role"));
        addRoles(roles, jwt.getClaim("roles"));
        Object realmAccess = jwt.getClaim("realm_access");
        if (realmAccess instanceof Map<?, ?> realm) {
            addRoles(roles, realm.get("roles"));
        }
        roles.retainAll(Roles.ALL);
        String user = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new CallerIdentity(user, roles, blankToNull(jwt.getClaimAsString("district")),
                blankToNull(jwt.getClaimAsString("department")), null, Set.of());
    }

    private static void addRoles(Set<String> roles, Object claim) {
        if (claim instanceof String s) {
            for (String part : s.split("[ ,]")) {
                if (!part.isBlank()) {
                    roles.add(part.trim());
                }
            }
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> roles.add(String.valueOf(v)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
