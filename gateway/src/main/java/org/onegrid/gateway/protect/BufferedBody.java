package org.onegrid.gateway.protect;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For the few filters that must look into a request body before it is forwarded: the body read whole (it is
 * already capped by {@link BodyLimitFilter}) and a request that sends those bytes on again.
 */
public final class BufferedBody {

    private BufferedBody() {
    }

    /** The whole body; empty when there is none. */
    public static Mono<byte[]> read(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody())
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    /** The request with {@code bytes} as its body (which may differ from what came). */
    public static ServerHttpRequest replay(ServerWebExchange exchange, ServerHttpRequest request, byte[] bytes) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
    }
}
