package org.onegrid.gateway.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated caller; the principal is the {@link CallerIdentity} the gateway passes downstream. */
public class IdentityAuthentication extends AbstractAuthenticationToken {

    private final CallerIdentity identity;

    public IdentityAuthentication(CallerIdentity identity) {
        super(List.of(identity.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)),
                        identity.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s)))
                .stream().flatMap(s -> s).toList());
        this.identity = identity;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CallerIdentity getPrincipal() {
        return identity;
    }

    @Override
    public String getName() {
        return identity.user();
    }
}
