package org.onegrid.gateway.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.onegrid.identity.GatewayHeaders;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every routed request: drops whatever {@code X-OneGrid-*} headers the client sent, and the client's credentials,
 * then sets the verified identity (empty values for an anonymous caller on a public route), a timestamp and the
 * HMAC signature over them, so services can tell a request came through the gateway.
 */
public class IdentityHeadersFilter implements GlobalFilter, Ordered {

    private static final CallerIdentity ANONYMOUS = new CallerIdentity(null, Set.of(), null, null, null, Set.of());

    private final String secret;
    private final Clock clock;

    public IdentityHeadersFilter(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication() != null
                        && ctx.getAuthentication().getPrincipal() instanceof CallerIdentity id ? id : null)
                .defaultIfEmpty(ANONYMOUS)
                .flatMap(identity -> {
                    ServerHttpRequest request = exchange.getRequest().mutate()
                            .headers(headers -> apply(headers, identity)).build();
                    return chain.filter(exchange.mutate().request(request).build());
                });
    }

    void apply(HttpHeaders headers, CallerIdentity identity) {
        List<String> spoofed = new ArrayList<>();
        for (String name : headers.headerNames()) {
            if (name.regionMatches(true, 0, GatewayHeaders.PREFIX, 0, GatewayHeaders.PREFIX.length())) {
                spoofed.add(name);
            }
        }
        spoofed.forEach(headers::remove);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove("X-Api-Key");
        List<String> values = List.of(
                GatewayHeaders.encode(identity.user()),
                GatewayHeaders.encode(String.join(",", identity.roles().stream().sorted().toList())),
                GatewayHeaders.encode(identity.district()),
                GatewayHeaders.encode(identity.department()),
                GatewayHeaders.encode(identity.partner()),
                GatewayHeaders.encode(String.join(",", identity.scopes().stream().sorted().toList())),
                Long.toString(clock.instant().getEpochSecond()));
        for (int i = 0; i < values.size(); i++) {
            headers.set(GatewayHeaders.SIGNED.get(i), values.get(i));
        }
        headers.set(GatewayHeaders.SIGNATURE, GatewayHeaders.sign(secret, values));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
