package org.onegrid.gateway.devauth;


import org.onegrid.gateway.identity.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Development tokens: {@code POST /dev-auth/token {"user":"wang","role":"dispatcher","district":"天涯区"}} answers a
 * bearer token for that person. Only registered when {@code onegrid.gateway.dev-issuer.enabled=true}.
 */
@RestController
@ConditionalOnProperty(name = "onegrid.gateway.dev-issuer.enabled", havingValue = "true")
public class DevAuthController {

    public record TokenRequest(String user, String role, String district, String department) {
    }

    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    private final DevIssuer issuer;

    public DevAuthController(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(path = "/dev-auth/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public String jwks() {
        return issuer.jwks();
    }

    @PostMapping("/dev-auth/token")
    public TokenResponse token(@RequestBody TokenRequest request) {
        if (request.user() == null || !request.user().matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw invalid("user: must be 1-64 letters, digits or ._@-");
        }
        if (!Roles.ALL.contains(request.role())) {
            throw invalid("role: must be one of " + Roles.ALL);
        }
        if (Roles.DISPATCHER.equals(request.role()) && blank(request.district())) {
            throw invalid("district: a dispatcher is bound to a district");
        }
        if (Roles.DEPARTMENT_HANDLER.equals(request.role()) && blank(request.department())) {
            throw invalid("department: a department handler is bound to a department");
        }
        String token = issuer.issue(request.user(), request.role(), blankToNull(request.district()),
                blankToNull(request.department()));
        return new TokenResponse(token, "Bearer", issuer.ttl().toSeconds());
    }

    private static ResponseStatusException invalid(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }

}
