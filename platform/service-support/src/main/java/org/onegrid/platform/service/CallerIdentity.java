package org.onegrid.platform.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.onegrid.identity.GatewayHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling, as the gateway verified it (see {@link GatewayIdentityFilter}): a person with roles and maybe a
 * district or department binding, or a partner system with scopes. Use it in the {@code api} layer to check roles on
 * commands again (defence in depth): {@code CallerIdentity.current().requireRole("dispatcher", "admin")}.
 */
public record CallerIdentity(String user, Set<String> roles, String district, String department, String partner,
                             Set<String> scopes) {

    /** Request attribute the filter stores the identity under. */
    public static final String ATTRIBUTE = CallerIdentity.class.getName();

    public static final CallerIdentity ANONYMOUS = new CallerIdentity(null, Set.of(), null, null, null, Set.of());

    public CallerIdentity {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** The caller of the current HTTP request; {@link #ANONYMOUS} outside a request or on a public route. */
    public static CallerIdentity current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object identity = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return identity instanceof CallerIdentity id ? id : ANONYMOUS;
    }

    static CallerIdentity fromHeaderValues(String user, String roles, String district, String department,
                                           String partner, String scopes) {
        return new CallerIdentity(GatewayHeaders.decode(user), split(GatewayHeaders.decode(roles)),
                GatewayHeaders.decode(district), GatewayHeaders.decode(department), GatewayHeaders.decode(partner),
                split(GatewayHeaders.decode(scopes)));
    }

    public boolean authenticated() {
        return user != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Throws 403 unless the caller holds one of the roles. */
    public CallerIdentity requireRole(String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::hasRole)) {
            throw ApiException.forbidden("Needs one of the roles " + String.join(", ", anyOf));
        }
        return this;
    }

    /** Throws 403 unless the caller holds one of the scopes. */
    public CallerIdentity requireScope(String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::hasScope)) {
            throw ApiException.forbidden("Needs one of the scopes " + String.join(", ", anyOf));
        }
        return this;
    }

    private static Set<String> split(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
