package org.onegrid.gateway.apikey;

import java.time.Instant;
import java.util.Set;

/** A partner system's key, as stored: only the SHA-256 of the secret is kept, never the secret itself. */
public record ApiKey(String id, String partner, Set<String> scopes, String sha256, Instant createdAt, Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKey revoke(Instant at) {
        return revoked() ? this : new ApiKey(id, partner, scopes, sha256, createdAt, at);
    }
}
