package org.onegrid.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerIdentityTest {

    @Test
    void rolesAreCheckedAgainInTheService() {
        CallerIdentity resident = CallerIdentity.fromHeaderValues("li", "resident", "", "", "", "");
        assertThat(resident.requireRole("resident", "admin")).isSameAs(resident);
        assertThatThrownBy(() -> resident.requireRole("dispatcher"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(403));
    }

    @Test
    void partnersCarryScopes() {
        CallerIdentity partner = CallerIdentity.fromHeaderValues("dev-hotline", "", "", "", "hotline-12345",
                "events%3Awrite%2Chotline%3Awrite");
        assertThat(partner.scopes()).containsExactlyInAnyOrder("events:write", "hotline:write");
        assertThat(partner.requireScope("hotline:write")).isSameAs(partner);
        assertThat(partner.roles()).isEmpty();
    }

    @Test
    void outsideARequestTheCallerIsAnonymous() {
        assertThat(CallerIdentity.current()).isEqualTo(CallerIdentity.ANONYMOUS);
        assertThat(CallerIdentity.current().authenticated()).isFalse();
    }
}
