package org.onegrid.gateway;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

import org.onegrid.gateway.apikey.ApiKeyAuthentication;
import org.onegrid.gateway.apikey.ApiKeyStore;
import org.onegrid.gateway.devauth.DevIssuer;
import org.onegrid.gateway.error.DecoderFailureProblems;
import org.onegrid.gateway.error.Problems;
import org.onegrid.gateway.identity.IdentityHeadersFilter;
import org.onegrid.gateway.identity.JwtIdentityConverter;
import org.onegrid.gateway.open311.Open311ApiKeyFilter;
import org.onegrid.gateway.open311.Open311Errors;
import org.onegrid.gateway.policy.AccessPolicy;
import org.onegrid.gateway.policy.PolicyAuthorizationManager;
import org.onegrid.gateway.protect.BodyLimitFilter;
import org.onegrid.gateway.protect.InFlightLimitFilter;
import org.onegrid.gateway.protect.JsonDepthFilter;
import org.onegrid.gateway.protect.PathSafetyFilter;
import org.onegrid.gateway.protect.RateLimitFilter;
import org.onegrid.gateway.protect.RequestIdFilter;
import org.onegrid.gateway.protect.TokenBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.netty.NettyPipeline;

/** Wires the front door: who the caller is, whether they may pass, and the limits every request is held to. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GatewaySettings.class)
public class GatewayConfig {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfig.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.standard();
    }

    @Bean
    ApiKeyStore apiKeyStore(GatewaySettings settings, Clock clock) {
        ApiKeyStore store = new ApiKeyStore(clock);
        settings.apiKeys().forEach(seed -> store.register(seed.id(), seed.partner(), seed.scopes(), seed.sha256()));
        if (settings.devIssuer().enabled()) {
            settings.devIssuer().devKeys().forEach(k ->
                    store.register(k.id(), k.partner(), k.scopes(), ApiKeyStore.sha256(k.key())));
        }
        return store;
    }

    @Bean
    @ConditionalOnProperty(name = "onegrid.gateway.dev-issuer.enabled", havingValue = "true")
    DevIssuer devIssuer(GatewaySettings settings, Clock clock) {
        log.warn("Development token issuer is ON (POST /dev-auth/token); never enable it outside a local stack");
        return new DevIssuer(settings.devIssuer().issuer(), settings.devIssuer().tokenTtl(), clock);
    }

    /** With the development issuer, tokens are checked against its key; otherwise Boot builds the decoder from
     *  {@code spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri} (Keycloak in compose). */
    @Bean
    @ConditionalOnProperty(name = "onegrid.gateway.dev-issuer.enabled", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(DevIssuer issuer) {
        return issuer.decoder();
    }

    @Bean
    ServerAuthenticationEntryPoint problemEntryPoint() {
        return (exchange, e) -> {
            boolean offered = exchange.getRequest().getHeaders().containsHeader("Authorization")
                    || exchange.getRequest().getHeaders().containsHeader(ApiKeyAuthentication.HEADER);
            if (Open311ApiKeyFilter.isOpen311(exchange.getRequest())) {
                return Open311Errors.unauthenticated(exchange, offered);
            }
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    offered ? "The credentials are invalid, expired or revoked"
                            : "This resource needs a bearer token or an API key");
        };
    }

    @Bean
    ServerAccessDeniedHandler problemAccessDenied() {
        return (exchange, e) -> Open311ApiKeyFilter.isOpen311(exchange.getRequest())
                ? Open311Errors.forbidden(exchange)
                : Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role, scope, district or department does not allow "
                        + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath());
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, AccessPolicy policy, ApiKeyStore keys,
                                                  ServerAuthenticationEntryPoint entryPoint,
                                                  ServerAccessDeniedHandler accessDenied,
                                                  GatewaySettings settings) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // Stateless: every request carries its own token or key.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(corsSource(settings.corsOrigins())))
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(ApiKeyAuthentication.filter(keys, entryPoint), SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtIdentityConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                // CORS preflights are answered by the CORS filter before this point; everything else meets the policy.
                .authorizeExchange(ex -> ex.anyExchange().access(new PolicyAuthorizationManager(policy)))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .build();
    }

    private static UrlBasedCorsConfigurationSource corsSource(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Opens a service's circuit when half of its last 20 calls (at least 5) failed, answering 503 at once for 10 s
     * instead of piling requests onto it. Per-call time is bounded by each route's response-timeout.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(60)).build())
                .build());
    }

    /** Reactor Netty answers an over-long request line or header block itself; this gives it a problem body. */
    @Bean
    NettyServerCustomizer decoderFailureProblems(
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxInitialLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        DecoderFailureProblems problems = new DecoderFailureProblems((int) maxInitialLine.toBytes(), maxHeaders.toBytes());
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "onegrid.decoderFailureProblems", problems);
            }
        });
    }

    @Bean
    InFlightLimitFilter inFlightLimitFilter(GatewaySettings settings, MeterRegistry meters) {
        return new InFlightLimitFilter(settings.maxInFlightPerService(), meters);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    BodyLimitFilter bodyLimitFilter(GatewaySettings settings) {
        return new BodyLimitFilter(settings.maxBodyBytes());
    }

    @Bean
    PathSafetyFilter pathSafetyFilter() {
        return new PathSafetyFilter();
    }

    @Bean
    JsonDepthFilter jsonDepthFilter(GatewaySettings settings) {
        return new JsonDepthFilter(settings.maxJsonDepth());
    }

    @Bean
    Open311ApiKeyFilter open311ApiKeyFilter() {
        return new Open311ApiKeyFilter();
    }

    @Bean
    RateLimitFilter rateLimitFilter(GatewaySettings settings, Clock clock) {
        return new RateLimitFilter(new TokenBuckets(settings.rateLimit()::limitFor, clock));
    }

    @Bean
    IdentityHeadersFilter identityHeadersFilter(GatewaySettings settings, Clock clock) {
        if (settings.secret() == null || settings.secret().length() < 16) {
            throw new IllegalStateException("onegrid.gateway.secret (ONEGRID_GATEWAY_SECRET) must be at least 16 characters");
        }
        return new IdentityHeadersFilter(settings.secret(), clock);
    }
}
