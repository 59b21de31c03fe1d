package org.onegrid.gateway.protect;

import org.onegrid.gateway.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses JSON bodies nested deeper than the limit (400), before any service spends a parser on them. The body is
 * already capped by {@link BodyLimitFilter}, so holding it here costs at most that much memory.
 */
public class JsonDepthFilter implements WebFilter, Ordered {

    private final int maxDepth;

    public JsonDepthFilter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Deepest nesting of objects/arrays, ignoring brackets inside strings. */
    static int depthOf(byte[] json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                max = Math.max(max, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return max;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
            return chain.filter(exchange);
        }
        return BufferedBody.read(request).flatMap(bytes -> {
            if (bytes.length == 0) {
                return chain.filter(exchange);
            }
            int depth = depthOf(bytes);
            if (depth > maxDepth) {
                return Problems.write(exchange, HttpStatus.BAD_REQUEST, "json-too-deep", "JSON nested too deeply",
                        "The JSON body is nested " + depth + " levels deep; the limit is " + maxDepth);
            }
            return chain.filter(exchange.mutate().request(BufferedBody.replay(exchange, request, bytes)).build());
        });
    }

    /** After the body limit, so an oversize body is refused (413) before it is held here. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
