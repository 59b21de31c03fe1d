package org.onegrid.gateway.error;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every failure inside the gateway becomes problem+json: no route (404), an unreachable or broken-circuit service
 * (503), a slow one (504), an oversize body (413). Unexpected failures are logged with the request id and answered
 * with a 500 that carries no internals. Runs before Boot's default handler.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        exchange.getResponse().getHeaders().remove("Content-Length");
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : "service '" + route.getId() + "'";
        // A full bulkhead is an overloaded service, not a gateway fault: 503 + Retry-After (was a 500; found by the
        // system tests' crash run).
        if (hasCause(ex, CallNotPermittedException.class) || hasCauseNamed(ex, BULKHEAD_FULL)
                || hasCause(ex, ServiceUnavailableException.class)
                || hasCause(ex, ConnectException.class)
                || hasCause(ex, io.netty.channel.ConnectTimeoutException.class)) {
            return unavailable(exchange, service);
        }
        if (hasCause(ex, DataBufferLimitException.class) || hasCause(ex, PayloadTooLargeException.class)) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    ex.getMessage() == null ? "The request body is too large" : ex.getMessage());
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            return switch (status.value()) {
                case 404 -> Problems.write(exchange, status, "not-found", "Not found", noRoute(rse)
                        ? "No route for " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
                        : rse.getReason());
                case 503 -> unavailable(exchange, service);
                case 504 -> Problems.write(exchange, status, "upstream-timeout", "Gateway timeout",
                        service + " did not answer in time");
                case 413 -> Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                        "The request body is too large");
                case 400 -> invalid(exchange, rse.getReason());
                default -> status.is5xxServerError()
                        ? internal(exchange, ex)
                        : Problems.write(exchange, status, "http-" + status.value(), status.getReasonPhrase(),
                                rse.getReason() == null ? status.getReasonPhrase() : rse.getReason());
            };
        }
        if (hasCause(ex, java.io.IOException.class)) {
            // The service went away mid-request (connection reset, closed before the response): the request may or
            // may not have been done, so 502 (retry with the same idempotency key), not a 500 of the gateway's own.
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "upstream-failed", "Bad gateway",
                    service + " closed the connection before answering; retry with the same request id", Map.of());
        }
        if (hasCause(ex, TimeoutException.class)) {
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway timeout",
                    service + " did not answer in time");
        }
        return internal(exchange, ex);
    }

    /** The gateway's own endpoints say "field: message"; answered like the services' validation problems. */
    private static Mono<Void> invalid(ServerWebExchange exchange, String reason) {
        String detail = reason == null ? "Invalid request" : reason;
        int colon = detail.indexOf(": ");
        Map<String, Object> extra = colon < 0 ? Map.of() : Map.of("errors", java.util.List.of(
                Map.of("field", detail.substring(0, colon), "message", detail.substring(colon + 2))));
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, extra);
    }

    private static boolean noRoute(ResponseStatusException rse) {
        return rse instanceof org.springframework.web.reactive.resource.NoResourceFoundException || rse.getReason() == null
                || rse.getReason().startsWith("No matching handler") || rse.getReason().startsWith("No static resource");
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, String service) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                service + " is not reachable right now; try again shortly", Map.of());
    }

    private static Mono<Void> internal(ServerWebExchange exchange, Throwable ex) {
        log.error("Gateway failure for {} {} (request id {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), Problems.requestId(exchange), ex);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong in the gateway; quote the X-Request-Id when reporting it.");
    }

    /** resilience4j-bulkhead is only on the runtime classpath (through the circuit breaker starter). */
    private static final String BULKHEAD_FULL = "io.github.resilience4j.bulkhead.BulkheadFullException";

    private static boolean hasCauseNamed(Throwable ex, String className) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(className)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
