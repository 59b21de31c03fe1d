package org.onegrid.platform.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onegrid.identity.GatewayHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses requests that did not come through the gateway: the identity headers must carry a valid HMAC signature
 * (shared secret {@code ONEGRID_GATEWAY_SECRET}) and a timestamp no older than the allowed skew; otherwise 401
 * problem+json. The verified identity is then available as {@link CallerIdentity#current()}.
 * <p>
 * Actuator, API docs and Swagger UI stay open. With {@code onegrid.gateway-trust.enabled=false} nothing is
 * refused and the identity headers are taken as sent (for tests and until every service sits behind the gateway).
 */
public class GatewayIdentityFilter extends OncePerRequestFilter {

    private static final List<String> OPEN_PREFIXES = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/error");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean enforce;
    private final String secret;
    private final Duration maxSkew;
    private final Clock clock;

    public GatewayIdentityFilter(boolean enforce, String secret, Duration maxSkew, Clock clock) {
        this.enforce = enforce;
        this.secret = secret;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isOpen(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        List<String> values = new ArrayList<>();
        for (String header : GatewayHeaders.SIGNED) {
            String value = request.getHeader(header);
            values.add(value == null ? "" : value);
        }
        if (enforce) {
            String problem = verify(values, request.getHeader(GatewayHeaders.SIGNATURE));
            if (problem != null) {
                refuse(request, response, problem);
                return;
            }
        }
        request.setAttribute(CallerIdentity.ATTRIBUTE, CallerIdentity.fromHeaderValues(values.get(0), values.get(1),
                values.get(2), values.get(3), values.get(4), values.get(5)));
        chain.doFilter(request, response);
    }

    /** Why the request is refused, or null when it came through the gateway. */
    String verify(List<String> values, String signature) {
        if (signature == null || signature.isEmpty()) {
            return "Requests must come through the OneGrid gateway (no gateway signature)";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(values.get(values.size() - 1));
        } catch (NumberFormatException e) {
            return "The gateway timestamp is missing or malformed";
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > maxSkew.toSeconds()) {
            return "The gateway signature has expired";
        }
        byte[] expected = GatewayHeaders.sign(secret, values).getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison, so the signature cannot be guessed byte by byte.
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            return "The gateway signature is invalid";
        }
        return null;
    }

    private static boolean isOpen(String path) {
        return OPEN_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://onegrid.org/problems/not-through-gateway");
        body.put("title", "Unauthenticated");
        body.put("status", 401);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("requestId", Correlation.current());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }

}
