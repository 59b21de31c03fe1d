package org.onegrid.gateway.devauth;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * A development token issuer for the local stack: an RSA key made at start (so tokens die with the process), its
 * public half published as JWKS, and tokens for any OneGrid role. Never enabled in compose, where Keycloak issues.
 */
public class DevIssuer {

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public DevIssuer(String issuer, Duration ttl, Clock clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot create the development signing key", e);
        }
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public ReactiveJwtDecoder decoder() {
        try {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(String user, String role, String district, String department) {
        var now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user)
                .claim("preferred_username", user)
                .claim("role", role)
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
        if (district != null) {
            claims.claim("district", district);
        }
        if (department != null) {
            claims.claim("department", department);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
