package org.onegrid.gateway.error;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own errors as {@code application/problem+json} (RFC 9457), never a stack trace. */
public final class Problems {

    public static final String TYPE_BASE = "https://onegrid.org/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The request id RequestIdFilter assigned (kept on the response; the error path sees the original request). */
    public static String requestId(ServerWebExchange exchange) {
        String id = exchange.getResponse().getHeaders().getFirst("X-Request-Id");
        return id != null ? id : exchange.getRequest().getHeaders().getFirst("X-Request-Id");
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        return write(exchange, status, code, title, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail,
                                   Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = body(status.value(), code, title, detail);
        body.put("instance", exchange.getRequest().getPath().value());
        String requestId = requestId(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extra);
        byte[] bytes = json(body);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The members every problem has; callers add {@code instance}, {@code requestId} or {@code errors}. */
    static Map<String, Object> body(int status, String code, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(TYPE_BASE + code).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    static byte[] json(Map<String, Object> body) {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
