package org.onegrid.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onegrid.identity.GatewayHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class GatewayIdentityFilterTest {

    private static final String SECRET = "test-secret-0123456789";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final GatewayIdentityFilter filter = new GatewayIdentityFilter(true, SECRET, Duration.ofMinutes(5), CLOCK);

    @Test
    void aRequestWithoutTheGatewaySignatureIsRefusedWith401Problem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/tickets");
        request.addHeader(GatewayHeaders.USER, "boss");
        request.addHeader(GatewayHeaders.ROLE, "admin");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("not-through-gateway");
        assertThat(chain.getRequest()).as("the request never reaches the service").isNull();
    }

    @Test
    void aSignedRequestPassesWithItsIdentity() throws Exception {
        MockHttpServletRequest request = signed("wang", "dispatcher", "%E5%A4%A9%E6%B6%AF%E5%8C%BA", NOW.getEpochSecond());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        CallerIdentity identity = (CallerIdentity) chain.getRequest().getAttribute(CallerIdentity.ATTRIBUTE);
        assertThat(identity.user()).isEqualTo("wang");
        assertThat(identity.hasRole("dispatcher")).isTrue();
        assertThat(identity.district()).isEqualTo("天涯区");
        assertThat(identity.partner()).isNull();
    }

    @Test
    void aTamperedHeaderOrAnOldTimestampIsRefused() throws Exception {
        MockHttpServletRequest tampered = signed("wang", "resident", "", NOW.getEpochSecond());
        tampered.removeHeader(GatewayHeaders.ROLE);
        tampered.addHeader(GatewayHeaders.ROLE, "admin");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(tampered, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(401);

        MockHttpServletRequest replayed = signed("wang", "resident", "", NOW.minusSeconds(600).getEpochSecond());
        MockHttpServletResponse late = new MockHttpServletResponse();
        filter.doFilter(replayed, late, new MockFilterChain());
        assertThat(late.getStatus()).isEqualTo(401);
        assertThat(late.getContentAsString()).contains("expired");
    }

    @Test
    void actuatorAndApiDocsStayOpen() throws Exception {
        for (String path : List.of("/actuator/health", "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html",
                "/swagger-ui.html")) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
            assertThat(chain.getRequest()).as(path).isNotNull();
        }
    }

    @Test
    void withTrustDisabledHeadersAreTakenAsSent() throws Exception {
        var lenient = new GatewayIdentityFilter(false, SECRET, Duration.ofMinutes(5), CLOCK);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tickets");
        request.addHeader(GatewayHeaders.USER, "tester");
        request.addHeader(GatewayHeaders.ROLE, "analyst,admin");
        MockFilterChain chain = new MockFilterChain();

        lenient.doFilter(request, new MockHttpServletResponse(), chain);

        CallerIdentity identity = (CallerIdentity) chain.getRequest().getAttribute(CallerIdentity.ATTRIBUTE);
        assertThat(identity.roles()).containsExactlyInAnyOrder("analyst", "admin");
    }

    private static MockHttpServletRequest signed(String user, String role, String district, long timestamp) {
        List<String> values = List.of(user, role, district, "", "", "", Long.toString(timestamp));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tickets");
        for (int i = 0; i < values.size(); i++) {
            request.addHeader(GatewayHeaders.SIGNED.get(i), values.get(i));
        }
        request.addHeader(GatewayHeaders.SIGNATURE, GatewayHeaders.sign(SECRET, values));
        return request;
    }
}
