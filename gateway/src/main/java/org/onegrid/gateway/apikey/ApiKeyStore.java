package org.onegrid.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner keys the gateway accepts, in memory. Keys configured as seeds (hash only) are loaded at start; keys an
 * admin creates or revokes take effect at once, without a restart. Lookups compare SHA-256 hashes, so a leaked
 * store (or log) does not leak usable keys.
 */
public class ApiKeyStore {

    /** A freshly created key: the secret is shown once, to whoever created it. */
    public record Created(ApiKey key, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByHash = new ConcurrentHashMap<>();
    private final Clock clock;

    public ApiKeyStore(Clock clock) {
        this.clock = clock;
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Created create(String partner, Set<String> scopes) {
        String id = "key-" + token(6);
        String secret = "og_" + token(24);
        ApiKey key = new ApiKey(id, partner, scopes, sha256(secret), clock.instant(), null);
        put(key);
        return new Created(key, secret);
    }

    /** Registers a key known only by its hash (configuration seeds). */
    public ApiKey register(String id, String partner, Set<String> scopes, String sha256) {
        ApiKey key = new ApiKey(id, partner, scopes, sha256.toLowerCase(), clock.instant(), null);
        put(key);
        return key;
    }

    public Optional<ApiKey> authenticate(String secret) {
        String id = idByHash.get(sha256(secret));
        return Optional.ofNullable(id).map(byId::get).filter(k -> !k.revoked());
    }

    public List<ApiKey> list() {
        return byId.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
    }

    public Optional<ApiKey> revoke(String id) {
        return Optional.ofNullable(byId.computeIfPresent(id, (k, key) -> key.revoke(clock.instant())));
    }

    private void put(ApiKey key) {
        ApiKey previous = byId.put(key.id(), key);
        if (previous != null) {
            idByHash.remove(previous.sha256());
        }
        idByHash.put(key.sha256(), key.id());
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
