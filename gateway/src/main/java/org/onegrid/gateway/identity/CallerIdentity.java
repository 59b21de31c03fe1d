package org.onegrid.gateway.identity;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as the gateway verified it: a person (from a bearer JWT) or a partner system (from an API key).
 * {@code user} is the person's username or, for a key, the key id; a person may carry a district or department
 * binding; a partner carries its partner id and scopes.
 */
public record CallerIdentity(String user, Set<String> roles, String district, String department, String partner,
                             Set<String> scopes) {

    public CallerIdentity {
        roles = Set.copyOf(new TreeSet<>(roles));
        scopes = Set.copyOf(new TreeSet<>(scopes));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The key a rate limit is kept under: one bucket per person or per partner. */
    public String clientKey() {
        return partner != null ? "partner:" + partner : "user:" + user;
    }
}
