package org.onegrid.gateway.apikey;

import java.util.Set;

import org.onegrid.gateway.identity.CallerIdentity;
import org.onegrid.gateway.identity.IdentityAuthentication;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/** Authenticates partner systems by their {@code X-Api-Key}; an unknown or revoked key is a 401. */
public final class ApiKeyAuthentication {

    public static final String HEADER = "X-Api-Key";

    private ApiKeyAuthentication() {
    }

    public static AuthenticationWebFilter filter(ApiKeyStore store, ServerAuthenticationEntryPoint entryPoint) {
        ReactiveAuthenticationManager manager = authentication -> Mono.justOrEmpty(
                        store.authenticate(String.valueOf(authentication.getCredentials())))
                .<Authentication>map(key -> new IdentityAuthentication(
                        new CallerIdentity(key.id(), Set.of(), null, null, key.partner(), key.scopes())))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API key")));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setRequiresAuthenticationMatcher(exchange ->
                exchange.getRequest().getHeaders().containsHeader(HEADER)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch());
        filter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(
                        exchange.getRequest().getHeaders().getFirst(HEADER))
                .map(secret -> new UsernamePasswordAuthenticationToken("api-key", secret)));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        return filter;
    }

}
