package org.onegrid.gateway.policy;

import static org.onegrid.gateway.identity.Roles.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's one policy table: for every path it serves — the routes to the services and its own endpoints —
 * who may call it. The first matching rule decides. Every route must end with a catch-all rule for each of its
 * path patterns (checked against the live RouteLocator by RouteAuditTest), so a route added without a policy fails
 * the build. A path matching no rule needs at least an authenticated caller.
 */
public final class AccessPolicy {

    /** Gateway-owned endpoints (not routes). */
    public static final String GATEWAY = "gateway";

    public record Rule(String routeId, Set<HttpMethod> methods, String pattern, Access access) {
        /** A rule with no methods applies to all of them. */
        public boolean catchAll() {
            return methods.isEmpty();
        }
    }

    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> ANY = Set.of();
    private static final String[] PEOPLE = ALL.toArray(String[]::new);

    private final List<Rule> rules;
    private final List<PathPattern> parsed;

    private AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.parsed = rules.stream().map(r -> PathPatternParser.defaultInstance.parse(r.pattern())).toList();
    }

    public static AccessPolicy standard() {
        List<Rule> r = new ArrayList<>();
        // Gateway's own endpoints.
        r.add(new Rule(GATEWAY, READ, "/actuator/health/**", Access.PUBLIC));
        r.add(new Rule(GATEWAY, READ, "/actuator/info", Access.PUBLIC));
        // Scraped by Prometheus; aggregate numbers only, no personal data.
        r.add(new Rule(GATEWAY, READ, "/actuator/prometheus", Access.PUBLIC));
        r.add(new Rule(GATEWAY, ANY, "/actuator/**", Access.roles(ADMIN)));
        r.add(new Rule(GATEWAY, READ, "/v3/api-docs/**", Access.PUBLIC));
        r.add(new Rule(GATEWAY, READ, "/swagger-ui.html", Access.PUBLIC));
        r.add(new Rule(GATEWAY, READ, "/swagger-ui/**", Access.PUBLIC));
        r.add(new Rule(GATEWAY, READ, "/webjars/**", Access.PUBLIC));
        // Only mapped when the development issuer is enabled (never in compose).
        r.add(new Rule(GATEWAY, ANY, "/dev-auth/**", Access.PUBLIC));
        r.add(new Rule(GATEWAY, ANY, "/admin/**", Access.roles(ADMIN)));

        // Each service's OpenAPI document, for the gateway's Swagger UI.
        for (String service : List.of("tickets", "talent", "centers", "analytics")) {
            r.add(new Rule("docs-" + service, READ, "/docs/" + service + "/v3/api-docs", Access.PUBLIC));
            r.add(new Rule("docs-" + service, ANY, "/docs/" + service + "/v3/api-docs", Access.NOBODY));
        }

        // ticket-service
        r.add(new Rule("tickets", READ, "/api/tickets/public/**", Access.PUBLIC));
        r.add(new Rule("tickets", ANY, "/api/tickets/**",
                Access.roles(GRID_WORKER, DISPATCHER, DEPARTMENT_HANDLER, CENTER_STAFF, RESIDENT, ADMIN)));
        r.add(new Rule("tickets", ANY, "/api/grid/**", Access.roles(GRID_WORKER, DISPATCHER, ADMIN)));
        // intake: machine clients by scope; Open311 reads are public.
        // The hotline's category mapping and its callback dead letters are administered by people.
        r.add(new Rule("intake", ANY, "/intake/hotline/category-mappings/**", Access.roles(ADMIN)));
        r.add(new Rule("intake", ANY, "/intake/hotline/deliveries/**", Access.roles(ADMIN)));
        r.add(new Rule("intake", ANY, "/intake/**", Access.scopes("hotline:write", "events:write")));
        r.add(new Rule("intake", READ, "/open311/**", Access.PUBLIC));
        r.add(new Rule("intake", ANY, "/open311/**", Access.scopes("open311:write")));
        // talent-service
        // Centre staff register talent for stations and post the needs of villages, schools and hospitals.
        r.add(new Rule("talent", ANY, "/api/talent/**", Access.roles(TALENT, LIAISON, CENTER_STAFF, ADMIN)));
        // service-center-service: the centre finder and public boards are open.
        r.add(new Rule("centers", READ, "/api/centers/nearby", Access.PUBLIC));
        r.add(new Rule("centers", READ, "/api/centers/*/board", Access.PUBLIC));
        r.add(new Rule("centers", READ, "/api/centers/**", Access.roles(PEOPLE)));
        r.add(new Rule("centers", ANY, "/api/centers/**", Access.roles(CENTER_STAFF, RESIDENT, LIAISON, ADMIN)));
        // analytics-service: the dashboard's public view reads aggregate figures only (no personal data in them);
        // CSV exports and the admin commands need a role.
        r.add(new Rule("analytics", READ, "/api/analytics/tickets/figures", Access.PUBLIC));
        r.add(new Rule("analytics", READ, "/api/analytics/league", Access.PUBLIC));
        r.add(new Rule("analytics", READ, "/api/analytics/activity/counts", Access.PUBLIC));
        r.add(new Rule("analytics", READ, "/api/analytics/league/history", Access.PUBLIC));
        r.add(new Rule("analytics", READ, "/api/analytics/talent/figures", Access.PUBLIC));
        r.add(new Rule("analytics", READ, "/api/analytics/centers/figures", Access.PUBLIC));
        r.add(new Rule("analytics", READ, "/api/analytics/centers/map", Access.PUBLIC));
        r.add(new Rule("analytics", ANY, "/api/analytics/**",
                Access.roles(ANALYST, DISPATCHER, DEPARTMENT_HANDLER, ADMIN)));
        r.add(new Rule("dashboard", READ, "/dashboard/**", Access.PUBLIC));
        r.add(new Rule("dashboard", ANY, "/dashboard/**", Access.NOBODY));
        return new AccessPolicy(r);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> match(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if ((rule.catchAll() || rule.methods().contains(method)) && parsed.get(i).matches(container)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
