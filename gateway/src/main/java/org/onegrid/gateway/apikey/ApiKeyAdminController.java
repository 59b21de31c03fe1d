package org.onegrid.gateway.apikey;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Admin management of partner keys (role {@code admin}, see AccessPolicy): create, list, revoke — no restart. */
@RestController
public class ApiKeyAdminController {

    /** Scopes a partner key may carry. */
    public static final Set<String> SCOPES = Set.of("hotline:write", "events:write", "open311:write");
    private static final Pattern PARTNER = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public record CreateKey(String partner, List<String> scopes) {
    }

    public record KeyView(String id, String partner, Set<String> scopes, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.partner(), key.scopes(), key.createdAt(), key.revokedAt());
        }
    }

    public record CreatedKey(String id, String partner, Set<String> scopes, String key) {
    }

    private final ApiKeyStore store;

    public ApiKeyAdminController(ApiKeyStore store) {
        this.store = store;
    }

    @PostMapping("/admin/api-keys")
    public ResponseEntity<CreatedKey> create(@RequestBody CreateKey request) {
        if (request.partner() == null || !PARTNER.matcher(request.partner()).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "partner: must be 2-63 lowercase letters, digits or '-'");
        }
        if (request.scopes() == null || request.scopes().isEmpty() || !SCOPES.containsAll(request.scopes())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "scopes: must be a non-empty subset of " + SCOPES);
        }
        ApiKeyStore.Created created = store.create(request.partner(), Set.copyOf(request.scopes()));
        ApiKey key = created.key();
        return ResponseEntity.created(URI.create("/admin/api-keys/" + key.id()))
                .body(new CreatedKey(key.id(), key.partner(), key.scopes(), created.secret()));
    }

    @GetMapping("/admin/api-keys")
    public List<KeyView> list() {
        return store.list().stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/admin/api-keys/{id}")
    public KeyView revoke(@PathVariable String id) {
        return store.revoke(id).map(KeyView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No API key with id " + id));
    }
}
