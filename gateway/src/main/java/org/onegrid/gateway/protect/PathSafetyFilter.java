package org.onegrid.gateway.protect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.onegrid.gateway.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses paths that only an attacker sends — dot segments, encoded slashes, backslashes or dots, NUL and control
 * characters, path parameters ({@code ;}) and percent-encodings that are not UTF-8 — with a 400 problem+json here,
 * instead of passing them on to a service whose servlet container answers them in its own HTML or empty format
 * (found by the system tests' hostile corpus).
 */
public class PathSafetyFilter implements WebFilter, Ordered {

    /** Why this raw path is refused, or null when it is fine. */
    static String unsafe(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String bad : new String[] {"%2f", "%5c", "%2e", "%00", "%3b", "\\", ";"}) {
            if (lower.contains(bad)) {
                return "contains " + bad;
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "has a dot segment";
            }
        }
        byte[] decoded;
        try {
            decoded = percentDecode(rawPath);
        } catch (IllegalArgumentException e) {
            return "has a broken percent-encoding";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
            if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return "contains a control character";
            }
        } catch (CharacterCodingException e) {
            return "is not UTF-8";
        }
        return null;
    }

    private static byte[] percentDecode(String raw) {
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        var out = new java.io.ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                if (i + 2 >= in.length) {
                    throw new IllegalArgumentException("truncated");
                }
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("not hex");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String why = unsafe(exchange.getRequest().getURI().getRawPath());
        if (why != null) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "unsafe-path", "Unsafe request path",
                    "The request path " + why + "; such paths are not served");
        }
        return chain.filter(exchange);
    }

    /** Right after the request id, before any other work. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
