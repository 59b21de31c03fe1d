package org.onegrid.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GatewaySignatureTest {

    @Test
    void signatureMatchesTheServiceSideTestVector() {
        // Same vector as platform/service-support's GatewayIdentityFilterTest: both sides must agree.
        List<String> values = List.of("wang", "dispatcher", GatewaySignature.encode("天涯区"), "", "", "", "1700000000");
        assertThat(values.get(2)).isEqualTo("%E5%A4%A9%E6%B6%AF%E5%8C%BA");
        assertThat(GatewaySignature.sign("test-secret-0123456789", values))
                .isEqualTo("4ba14231cfb024fb8d53a1971aae5a107821ac0b4b9f8d01c98cbc7a07ccbae0");
    }
}
