package org.onegrid.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onegrid.gateway.identity.CallerIdentity;
import org.springframework.http.HttpMethod;

class AccessPolicyTest {

    private final AccessPolicy policy = AccessPolicy.standard();

    private static CallerIdentity person(String role) {
        return new CallerIdentity("p", Set.of(role), null, null, null, Set.of());
    }

    private static CallerIdentity partner(String scope) {
        return new CallerIdentity("k", Set.of(), null, null, "hotline-12345", Set.of(scope));
    }

    private boolean allows(HttpMethod method, String path, CallerIdentity caller) {
        return policy.match(method, path).orElseThrow().access().allows(caller);
    }

    @Test
    void publicListIsShortAndReadOnly() {
        assertThat(policy.match(HttpMethod.GET, "/api/centers/nearby").orElseThrow().access()).isEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.GET, "/api/centers/C-1/board").orElseThrow().access()).isEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.GET, "/open311/v2/services.json").orElseThrow().access()).isEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.GET, "/dashboard/index.html").orElseThrow().access()).isEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.POST, "/open311/v2/requests.json").orElseThrow().access()).isNotEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.POST, "/dashboard/x").orElseThrow().access()).isEqualTo(Access.NOBODY);
        assertThat(policy.match(HttpMethod.GET, "/api/centers/C-1/staff").orElseThrow().access()).isNotEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.GET, "/api/analytics/tickets/figures").orElseThrow().access())
                .isEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.GET, "/api/analytics/tickets/figures.csv").orElseThrow().access())
                .isNotEqualTo(Access.PUBLIC);
        assertThat(policy.match(HttpMethod.POST, "/api/analytics/admin/rebuild").orElseThrow().access())
                .isNotEqualTo(Access.PUBLIC);
    }

    @Test
    void machineRoutesNeedScopesAndPeopleRoutesNeedRoles() {
        assertThat(allows(HttpMethod.POST, "/intake/hotline", partner("hotline:write"))).isTrue();
        assertThat(allows(HttpMethod.POST, "/intake/hotline", partner("open311:write"))).isFalse();
        assertThat(allows(HttpMethod.POST, "/open311/v2/requests.json", partner("open311:write"))).isTrue();
        assertThat(allows(HttpMethod.GET, "/api/talent/profiles", person("liaison"))).isTrue();
        assertThat(allows(HttpMethod.GET, "/api/talent/profiles", person("resident"))).isFalse();
        assertThat(allows(HttpMethod.GET, "/api/analytics/kpis", partner("events:write"))).isFalse();
        assertThat(allows(HttpMethod.POST, "/admin/api-keys", person("analyst"))).isFalse();
        assertThat(allows(HttpMethod.POST, "/admin/api-keys", person("admin"))).isTrue();
    }

    @Test
    void unknownPathsHaveNoRule() {
        assertThat(policy.match(HttpMethod.GET, "/somewhere/else")).isEmpty();
    }
}
