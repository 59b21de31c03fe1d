package org.onegrid.ticket.domain.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotlineSignatureTest {

    private static final byte[] BODY = "{\"caseNo\":\"SY1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());

    @Test
    void signatureIsHmacSha256OverTimestampNewlineBody() {
        // Known value computed with: printf '%s\n%s' 1795399200 '{"caseNo":"SY1"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(HotlineSignature.sign("s3cret", TS, BODY))
                .isEqualTo(opensslReference());
    }

    @Test
    void acceptsOwnSignatureCaseInsensitively() {
        String sig = HotlineSignature.sign("s3cret", TS, BODY);
        assertThat(HotlineSignature.check("s3cret", TS, sig, BODY, NOW)).isNull();
        assertThat(HotlineSignature.check("s3cret", TS, sig.toUpperCase(), BODY, NOW)).isNull();
    }

    @Test
    void refusesTamperingWrongSecretAndStaleOrFutureTimestamps() {
        String sig = HotlineSignature.sign("s3cret", TS, BODY);
        assertThat(HotlineSignature.check("other", TS, sig, BODY, NOW)).isEqualTo(HotlineSignature.Failure.BAD_SIGNATURE);
        assertThat(HotlineSignature.check("s3cret", TS, sig, "{}".getBytes(StandardCharsets.UTF_8), NOW))
                .isEqualTo(HotlineSignature.Failure.BAD_SIGNATURE);
        assertThat(HotlineSignature.check("s3cret", TS, sig, BODY, NOW.plusSeconds(300))).isNull();
        assertThat(HotlineSignature.check("s3cret", TS, sig, BODY, NOW.plusSeconds(301)))
                .isEqualTo(HotlineSignature.Failure.EXPIRED);
        assertThat(HotlineSignature.check("s3cret", TS, sig, BODY, NOW.minusSeconds(301)))
                .isEqualTo(HotlineSignature.Failure.EXPIRED);
        assertThat(HotlineSignature.check("s3cret", "2026-11-23T02:00:00Z", sig, BODY, NOW))
                .isEqualTo(HotlineSignature.Failure.BAD_TIMESTAMP);
        assertThat(HotlineSignature.check("s3cret", null, sig, BODY, NOW)).isEqualTo(HotlineSignature.Failure.MISSING);
        assertThat(HotlineSignature.check(null, TS, sig, BODY, NOW)).isEqualTo(HotlineSignature.Failure.UNKNOWN_PARTNER);
    }

    private static String opensslReference() {
        return OPENSSL_HEX;
    }

    private static final String OPENSSL_HEX = "eba654a204dba2bbbaa0f66723ddfc84fc2baade76b48e9f779e029291b71ab7";
}
