package org.onegrid.localstack;

import java.util.List;

/** The launcher's options that come from outside: JVM options for the services, a MongoDB to use instead of its own. */
final class LaunchOptions {

    private LaunchOptions() {
    }

    /**
     * {@code ONEGRID_SERVICE_JVM_OPTIONS}, split at white space: added after the launcher's own options, so they win
     * (the JVM takes the last of a repeated {@code -XX} or {@code -Xmx}). The defaults favour start-up on a small
     * machine; a benchmark wants the full JIT instead ({@code -XX:TieredStopAtLevel=4}).
     */
    static List<String> extraJvmOptions() {
        return jvmOptions(System.getenv("ONEGRID_SERVICE_JVM_OPTIONS"));
    }

    static List<String> jvmOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /** A MongoDB connection string, checked for its scheme only: the services' driver reads the rest. */
    static String externalMongoUri(String uri) {
        if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("--mongo-uri: a MongoDB connection string (mongodb://host:port/...)");
        }
        return uri;
    }

    /** The connection string as printed: a password in it is replaced by stars. */
    static String withoutPassword(String uri) {
        return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]+):[^@/]*@", "$1:***@");
    }
}
