package org.onegrid.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that services reach through the ordinary driver.
 * The H2 file backend keeps data across restarts (local stack); the memory backend is for tests.
 * It has no multi-document transactions and no geo query operators; the platform uses neither.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static MongoWireServer inMemory() {
        return bind(new MemoryBackend(), 0);
    }

    /** In memory on a fixed port: gone when the process ends, but without H2's cost of serialising each document. */
    public static MongoWireServer inMemory(int port) {
        return bind(new MemoryBackend(), port);
    }

    /** Data kept in an H2 file, e.g. {@code data/mongo/onegrid.mv}. */
    public static MongoWireServer persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bind(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    private static MongoWireServer bind(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = port == 0 ? server.bind() : bindTo(server, port);
        return new MongoWireServer(server, address);
    }

    private static InetSocketAddress bindTo(MongoServer server, int port) {
        server.bind("127.0.0.1", port);
        return server.getLocalAddress();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
