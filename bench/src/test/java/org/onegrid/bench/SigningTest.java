package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SigningTest {

    @Test
    void gatewayHeadersCarryTheSharedTestVectorsSignature() {
        // The vector pinned by platform/gateway-headers' GatewayHeadersTest.
        String[] headers = Signing.gatewayHeaders("test-secret-0123456789", "wang", "dispatcher",
                "%E5%A4%A9%E6%B6%AF%E5%8C%BA", "", "", "", 1700000000L);
        assertThat(headers).hasSize(16);
        assertThat(headers[14]).isEqualTo("X-OneGrid-Gateway-Signature");
        assertThat(headers[15]).isEqualTo("4ba14231cfb024fb8d53a1971aae5a107821ac0b4b9f8d01c98cbc7a07ccbae0");
    }

    @Test
    void hotlineSignatureIsHmacOfTimestampNewlineBody() {
        // printf '1700000000\n{"a":1}' | openssl dgst -sha256 -hmac dev-hotline-secret
        assertThat(Signing.hotline("dev-hotline-secret", 1700000000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("c14e76df7a6b091bac826369095073c4c859ae9640b3ee017eb538794ba01e29");
    }
}
