package org.onegrid.gateway.error;

import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.http.MediaType;

/**
 * Gives a body to the answers Reactor Netty sends by itself when it cannot decode a request: a request line longer
 * than the server's limit (414) or headers larger than theirs (431). No filter and no error handler sees those
 * requests, so without this the client would get the status alone, with an empty body, where every other error of
 * the gateway is a problem+json naming what to fix.
 */
@ChannelHandler.Sharable
public final class DecoderFailureProblems extends ChannelOutboundHandlerAdapter {

    private final int maxInitialLineBytes;
    private final long maxHeaderBytes;

    public DecoderFailureProblems(int maxInitialLineBytes, long maxHeaderBytes) {
        this.maxInitialLineBytes = maxInitialLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && !response.content().isReadable()) {
            Map<String, Object> problem = problemFor(response.status().code());
            if (problem != null) {
                byte[] body = Problems.json(problem);
                FullHttpResponse withBody = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body));
                withBody.headers().set(response.headers())
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                ctx.write(withBody, promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    Map<String, Object> problemFor(int status) {
        if (status == HttpResponseStatus.REQUEST_URI_TOO_LONG.code()) {
            return problem(status, "uri-too-long", "URI too long", "uri",
                    "the request line (method, path and query) is longer than " + maxInitialLineBytes
                            + " bytes: shorten the path or move the query's data into a request body");
        }
        if (status == HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code()) {
            return problem(status, "headers-too-large", "Request headers too large", "headers",
                    "the request's headers are larger than " + maxHeaderBytes + " bytes");
        }
        return null;
    }

    private static Map<String, Object> problem(int status, String code, String title, String field, String detail) {
        Map<String, Object> body = Problems.body(status, code, title, detail);
        body.put("errors", List.of(Map.of("field", field, "message", detail)));
        return body;
    }
}
