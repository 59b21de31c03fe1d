package org.onegrid.gateway.protect;

import java.net.InetSocketAddress;
import java.util.Map;

import org.onegrid.gateway.error.Problems;
import org.onegrid.gateway.identity.CallerIdentity;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-client rate limit, after authentication so each person or partner has their own bucket (anonymous callers
 * share one per remote address). Over the limit: 429 problem+json with {@code Retry-After} in whole seconds.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    private final TokenBuckets buckets;

    public RateLimitFilter(TokenBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication() != null
                        && ctx.getAuthentication().getPrincipal() instanceof CallerIdentity id ? id.clientKey() : null)
                .defaultIfEmpty("ip:" + remote(exchange))
                .flatMap(client -> {
                    TokenBuckets.Decision decision = buckets.take(client);
                    if (decision.allowed()) {
                        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                            "Rate limit reached; retry after " + seconds + " s", Map.of("retryAfterSeconds", seconds));
                });
    }

    private static String remote(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }

    /** After Spring Security's filter chain (order -100), so the caller is known. */
    @Override
    public int getOrder() {
        return 0;
    }
}
