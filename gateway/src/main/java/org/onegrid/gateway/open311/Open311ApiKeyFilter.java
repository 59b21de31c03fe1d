package org.onegrid.gateway.open311;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.onegrid.gateway.apikey.ApiKeyAuthentication;
import org.onegrid.gateway.protect.BufferedBody;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Off-the-shelf GeoReport v2 clients send their key as the {@code api_key} form field (or query parameter), not as
 * the {@code X-Api-Key} header partners use elsewhere. This lifts it into the header before authentication, so an
 * Open311 key is checked, scoped and revoked like any other. The body is already capped by the body limit, so
 * holding it here costs at most that much memory; it is passed on unchanged.
 */
public class Open311ApiKeyFilter implements WebFilter, Ordered {

    static final String FIELD = "api_key";

    public static boolean isOpen311(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication().value().startsWith("/open311/");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!HttpMethod.POST.equals(request.getMethod()) || !isOpen311(request)
                || request.getHeaders().containsHeader(ApiKeyAuthentication.HEADER)) {
            return chain.filter(exchange);
        }
        String inQuery = request.getQueryParams().getFirst(FIELD);
        if (inQuery != null && !inQuery.isBlank()) {
            URI withoutKey = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(FIELD).build(true).toUri();
            return chain.filter(exchange.mutate().request(request.mutate().uri(withoutKey)
                    .headers(h -> h.set(ApiKeyAuthentication.HEADER, inQuery)).build()).build());
        }
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        return BufferedBody.read(request).flatMap(bytes -> {
            String form = new String(bytes, StandardCharsets.UTF_8);
            String key = formField(form, FIELD);
            byte[] forwarded = key == null ? bytes : withoutField(form, FIELD).getBytes(StandardCharsets.UTF_8);
            // The key is the partner's secret: it stays at the gateway, like the X-Api-Key header does.
            ServerHttpRequest forward = BufferedBody.replay(exchange, request, forwarded).mutate().headers(h -> {
                h.setContentLength(forwarded.length);
                if (key != null && !key.isBlank()) {
                    h.set(ApiKeyAuthentication.HEADER, key);
                }
            }).build();
            return chain.filter(exchange.mutate().request(forward).build());
        });
    }

    /** The first value of a field in an {@code application/x-www-form-urlencoded} body, or null. */
    static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            if (name.equals(nameOf(pair))) {
                int eq = pair.indexOf('=');
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** The form without any pair named {@code name}; the other pairs byte for byte as they came. */
    static String withoutField(String body, String name) {
        StringBuilder kept = new StringBuilder();
        for (String pair : body.split("&")) {
            if (!name.equals(nameOf(pair))) {
                kept.append(kept.isEmpty() ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }

    private static String nameOf(String pair) {
        int eq = pair.indexOf('=');
        return decode(eq < 0 ? pair : pair.substring(0, eq));
    }

    /** A broken escape is the service's to refuse with the spec's 400; here it is just not the key. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
    }

    /** After the body limit and the JSON depth check, before Spring Security authenticates. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }
}
