package org.onegrid.localstack;

import java.nio.file.Path;
import java.util.List;

/** A service the local stack runs: its module (and jar name), port and Mongo database. */
record ServiceSpec(String module, int port, String database) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("ticket-service", 8081, "onegrid-ticket"),
            new ServiceSpec("talent-service", 8082, "onegrid-talent"),
            new ServiceSpec("service-center-service", 8083, "onegrid-center"),
            new ServiceSpec("analytics-service", 8084, "onegrid-analytics"),
            new ServiceSpec("gateway", 8080, null));

    /** The same service on a port shifted by {@code offset} (a second stack beside the default one). */
    ServiceSpec shifted(int offset) {
        return new ServiceSpec(module, port + offset, database);
    }

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health/readiness";
    }
}
