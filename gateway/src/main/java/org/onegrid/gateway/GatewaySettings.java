package org.onegrid.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings ({@code onegrid.gateway.*}).
 *
 * @param secret        shared HMAC secret for the identity headers (env ONEGRID_GATEWAY_SECRET)
 * @param devIssuer     the built-in development token issuer (local stack only)
 * @param apiKeys       partner keys loaded at start, by hash
 * @param rateLimit     per-client token buckets
 * @param maxBodyBytes  largest request body accepted (413 above)
 * @param maxJsonDepth  deepest JSON nesting accepted (400 above)
 * @param corsOrigins   the dashboard's origin(s), the only ones CORS allows
 */
@ConfigurationProperties("onegrid.gateway")
public record GatewaySettings(String secret, DevIssuerSettings devIssuer, List<ApiKeySeed> apiKeys,
                              RateLimitSettings rateLimit, long maxBodyBytes, int maxJsonDepth,
                              List<String> corsOrigins, int maxInFlightPerService) {

    public GatewaySettings {
        apiKeys = apiKeys == null ? List.of() : apiKeys;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins;
        devIssuer = devIssuer == null ? new DevIssuerSettings(false, "onegrid-dev", Duration.ofHours(8), List.of()) : devIssuer;
        rateLimit = rateLimit == null ? new RateLimitSettings(100, 50, Duration.ofSeconds(1), Map.of()) : rateLimit;
        maxBodyBytes = maxBodyBytes <= 0 ? 1_048_576 : maxBodyBytes;
        maxJsonDepth = maxJsonDepth <= 0 ? 32 : maxJsonDepth;
        maxInFlightPerService = maxInFlightPerService <= 0 ? 256 : maxInFlightPerService;
    }

    /** {@code devKeys}: plain keys the dev issuer registers for local partner testing (never in compose). */
    public record DevIssuerSettings(boolean enabled, String issuer, Duration tokenTtl, List<DevKey> devKeys) {
        public DevIssuerSettings {
            devKeys = devKeys == null ? List.of() : devKeys;
            tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        }
    }

    public record DevKey(String id, String partner, Set<String> scopes, String key) {
    }

    public record ApiKeySeed(String id, String partner, Set<String> scopes, String sha256) {
    }

    /**
     * A bucket holds {@code capacity} requests and regains {@code refill} tokens every {@code period}.
     * {@code overrides} gives a particular client (key {@code [partner:hotline-12345]} or {@code [user:wang]}) its own.
     */
    public record RateLimitSettings(int capacity, int refill, Duration period, Map<String, Limit> overrides) {
        public RateLimitSettings {
            overrides = overrides == null ? Map.of() : overrides;
            period = period == null ? Duration.ofSeconds(1) : period;
        }

        public Limit limitFor(String client) {
            return overrides.getOrDefault(client, new Limit(capacity, refill, period));
        }
    }

    public record Limit(int capacity, int refill, Duration period) {
    }
}
