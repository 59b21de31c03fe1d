package org.onegrid.gateway.policy;

import java.util.Optional;

import org.onegrid.gateway.identity.CallerIdentity;
import org.onegrid.gateway.identity.Roles;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Decides each request from the {@link AccessPolicy} table, then holds a dispatcher to their district and a
 * department handler to their department whenever the request names one ({@code ?district=} or
 * {@code /districts/{d}/...}, likewise for departments). Services re-check on their own commands.
 */
public class PolicyAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final AccessPolicy policy;

    public PolicyAuthorizationManager(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        Optional<AccessPolicy.Rule> rule = policy.match(request.getMethod(), request.getPath().pathWithinApplication().value());
        if (rule.isPresent() && rule.get().access() instanceof Access.Public) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(auth -> auth.getPrincipal() instanceof CallerIdentity id ? id : null)
                .map(id -> (AuthorizationResult) new AuthorizationDecision(
                        rule.map(r -> r.access().allows(id)).orElse(true) && withinBinding(id, request)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static boolean withinBinding(CallerIdentity id, ServerHttpRequest request) {
        if (id.hasRole(Roles.ADMIN)) {
            return true;
        }
        if (id.hasRole(Roles.DISPATCHER)
                && !matches(id.district(), named(request, "district", "districts"))) {
            return false;
        }
        return !id.hasRole(Roles.DEPARTMENT_HANDLER)
                || matches(id.department(), named(request, "department", "departments"));
    }

    private static boolean matches(String bound, Optional<String> named) {
        return named.isEmpty() || named.get().equals(bound);
    }

    /** The district/department the request is about, if it names one in the query or the path. */
    static Optional<String> named(ServerHttpRequest request, String param, String segment) {
        String value = request.getQueryParams().getFirst(param);
        if (value != null) {
            return Optional.of(value);
        }
        String[] parts = request.getPath().pathWithinApplication().value().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(segment)) {
                return Optional.of(java.net.URLDecoder.decode(parts[i + 1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
