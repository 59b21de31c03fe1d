package org.onegrid.ticket.intake.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.onegrid.events.EventCodec;
import org.onegrid.ticket.domain.intake.HotlineSignature;
import tools.jackson.databind.JsonNode;

/**
 * The hotline system's callback endpoint, as a real HTTP server on a free port. Each delivery (by its id) is
 * refused {@code failuresPerDelivery} times with 503 before it is accepted; a case can be set to refuse everything.
 * Requests with a wrong signature are refused with 401 and counted.
 */
final class CallbackReceiver implements AutoCloseable {

    record Received(String caseNo, String status, String deliveryId, JsonNode body) {
    }

    private final HttpServer server;
    private final String secret;
    private final int failuresPerDelivery;
    private final Map<String, AtomicInteger> attemptsByDelivery = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> acceptedByCase = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusedByCase = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refuseAll = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();

    CallbackReceiver(String secret, int failuresPerDelivery) {
        this.secret = secret;
        this.failuresPerDelivery = failuresPerDelivery;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/12345/feedback", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/12345/feedback";
    }

    void refuseEverything(String caseNo, boolean refuse) {
        refuseAll.put(caseNo, refuse);
    }

    List<String> acceptedStatuses(String caseNo) {
        synchronized (acceptedByCase) {
            return acceptedByCase.getOrDefault(caseNo, List.of()).stream().map(Received::status).toList();
        }
    }

    List<Received> accepted(String caseNo) {
        synchronized (acceptedByCase) {
            return List.copyOf(acceptedByCase.getOrDefault(caseNo, List.of()));
        }
    }

    int refused(String caseNo) {
        return refusedByCase.getOrDefault(caseNo, new AtomicInteger()).get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String ts = exchange.getRequestHeaders().getFirst("X-Hotline-Timestamp");
        String sig = exchange.getRequestHeaders().getFirst("X-Hotline-Signature");
        if (HotlineSignature.check(secret, ts, sig, body, Instant.now()) != null) {
            badSignatures.incrementAndGet();
            respond(exchange, 401);
            return;
        }
        JsonNode json = EventCodec.mapper().readTree(body);
        String caseNo = json.path("caseNo").asString();
        String deliveryId = json.path("deliveryId").asString();
        int attempt = attemptsByDelivery.computeIfAbsent(deliveryId, k -> new AtomicInteger()).incrementAndGet();
        if (Boolean.TRUE.equals(refuseAll.get(caseNo)) || attempt <= failuresPerDelivery) {
            refusedByCase.computeIfAbsent(caseNo, k -> new AtomicInteger()).incrementAndGet();
            respond(exchange, 503);
            return;
        }
        synchronized (acceptedByCase) {
            acceptedByCase.computeIfAbsent(caseNo, k -> new ArrayList<>())
                    .add(new Received(caseNo, json.path("status").asString(), deliveryId, json));
        }
        respond(exchange, 204);
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
