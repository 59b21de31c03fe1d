package org.onegrid.gateway.protect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.onegrid.gateway.error.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Bounds the requests in flight to each service. Past the bound a request is answered 503 with {@code Retry-After}
 * at once instead of joining the queue. Without it an overload (a flood of hotline cases) queues requests until
 * their callers give up, while the service still does the work of every abandoned one, so fewer are answered the
 * harder it is pushed. What the service takes it then answers in time, and the rest is told to come back, which
 * partner systems do. The bound is per service address, so routes to one service share it; it is far above what a
 * service has in flight when it keeps up. (bench/README.md: at 600 cases/s offered for 40 s on two cores, 83/s
 * were answered without the bound and 125/s with it; the gateway and the load generator share those cores, so
 * many requests still time out before they reach this filter.)
 */
public class InFlightLimitFilter implements GlobalFilter, Ordered {

    private final int limit;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public InFlightLimitFilter(int limit, MeterRegistry meters) {
        this.limit = limit;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = route.getUri().getAuthority();
        AtomicInteger count = inFlight.computeIfAbsent(service, this::gauge);
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            meters.counter("onegrid.gateway.shed", "route", route.getId()).increment();
            exchange.getResponse().getHeaders().set("Retry-After", "1");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service overloaded",
                    "route '" + route.getId() + "' has " + limit + " requests in flight already; retry after 1 s",
                    Map.of("retryAfterSeconds", 1));
        }
        return chain.filter(exchange).doFinally(signal -> count.decrementAndGet());
    }

    private AtomicInteger gauge(String service) {
        return meters.gauge("onegrid.gateway.in.flight", Tags.of("service", service),
                new AtomicInteger());
    }

    /** First among the route filters: a request that will be refused should cost as little as possible. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
