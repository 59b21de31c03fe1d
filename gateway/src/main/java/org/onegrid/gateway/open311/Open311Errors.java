package org.onegrid.gateway.open311;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's refusals under {@code /open311/**} in the GeoReport v2 shape ({@code [{code, description}]}), which
 * 311 clients parse; elsewhere the gateway answers problem+json.
 */
public final class Open311Errors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Open311Errors() {
    }

    /** No key at all is a missing required field (400); a key the gateway does not know is the spec's 403. */
    public static Mono<Void> unauthenticated(ServerWebExchange exchange, boolean keyOffered) {
        return keyOffered
                ? write(exchange, HttpStatus.FORBIDDEN, "invalid api_key")
                : write(exchange, HttpStatus.BAD_REQUEST, "api_key is required");
    }

    public static Mono<Void> forbidden(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.FORBIDDEN, "this api_key may not submit service requests");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String description) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] bytes = JSON.writeValueAsString(List.of(Map.of("code", status.value(), "description", description)))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
