package org.onegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onegrid.gateway.policy.AccessPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteLocator;

/**
 * Every route the gateway exposes must have a policy: for each Path pattern of each live route, the policy table
 * holds a catch-all rule (all methods) for that route and pattern. A route added without one fails here.
 */
class RouteAuditTest extends GatewayTestSupport {

    @Autowired
    RouteLocator routeLocator;
    @Autowired
    RouteDefinitionLocator definitions;
    @Autowired
    AccessPolicy policy;

    @Test
    void everyRouteAndEveryPathPatternHasAPolicy() {
        List<Route> routes = routeLocator.getRoutes().collectList().block();
        List<RouteDefinition> defs = definitions.getRouteDefinitions().collectList().block();
        assertThat(routes).isNotEmpty();
        assertThat(routes.stream().map(Route::getId).collect(Collectors.toSet()))
                .isEqualTo(defs.stream().map(RouteDefinition::getId).collect(Collectors.toSet()));

        for (RouteDefinition def : defs) {
            List<String> patterns = def.getPredicates().stream()
                    .filter(p -> p.getName().equals("Path"))
                    .flatMap(p -> p.getArgs().values().stream())
                    .flatMap(v -> Set.of(v.split(",")).stream()).map(String::trim).toList();
            assertThat(patterns).as("route %s routes by path", def.getId()).isNotEmpty();
            for (String pattern : patterns) {
                assertThat(policy.rules()).as("catch-all policy for route %s, pattern %s", def.getId(), pattern)
                        .anyMatch(r -> r.routeId().equals(def.getId()) && r.pattern().equals(pattern) && r.catchAll());
            }
        }
    }

    @Test
    void noPolicyNamesARouteThatDoesNotExist() {
        Set<String> ids = routeLocator.getRoutes().map(Route::getId).collect(Collectors.toSet()).block();
        assertThat(policy.rules()).allMatch(r -> r.routeId().equals(AccessPolicy.GATEWAY) || ids.contains(r.routeId()));
    }
}
