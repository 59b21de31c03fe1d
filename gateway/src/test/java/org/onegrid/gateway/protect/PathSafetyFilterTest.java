package org.onegrid.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSafetyFilterTest {

    @Test
    void refusesTraversalEncodedSeparatorsControlCharactersAndBrokenEncodings() {
        assertThat(PathSafetyFilter.unsafe("/api/tickets/..%2F..%2Fetc%2Fpasswd")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/%2e%2e/actuator")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/../actuator/env")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/..;/actuator")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/%00")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/%FF%FE")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/%G1")).isNotNull();
        assertThat(PathSafetyFilter.unsafe("/api/tickets/%0A")).isNotNull();
    }

    @Test
    void letsOrdinaryPathsThrough() {
        assertThat(PathSafetyFilter.unsafe("/api/tickets/3f2c9a1e-8d4b-4e1a-9c7f-2b6d8e0a1c3d/accept")).isNull();
        assertThat(PathSafetyFilter.unsafe("/api/centers/TY-SANYAWAN/board")).isNull();
        assertThat(PathSafetyFilter.unsafe("/api/talent/talents/%E5%BC%A0%E4%B8%89")).isNull();
        assertThat(PathSafetyFilter.unsafe("/")).isNull();
    }
}
