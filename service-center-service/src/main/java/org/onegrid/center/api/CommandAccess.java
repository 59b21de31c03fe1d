package org.onegrid.center.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.CallerIdentity;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may give which command to this service, checked again here after the gateway (defence in depth): running a
 * centre (centres, activities, check-ins, wish batches, confirmations, visits, volunteer hours) is for centre staff;
 * residents sign up, claim and fulfil wishes, report to their community and drop appeals. Reads are the gateway's
 * call (the centre finder and the public boards are open).
 */
@Configuration
class CommandAccess implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> STAFF = Set.of("center-staff", "admin");
    private static final Set<String> PEOPLE = Set.of("resident", "center-staff", "admin", "grid-worker", "liaison",
            "talent", "analyst", "dispatcher", "department-handler");
    private static final PathPatternParser PARSER = new PathPatternParser();

    private record Rule(String method, PathPattern path, Set<String> roles) {
    }

    private static final List<Rule> RULES = List.of(
            rule("POST", "/centers", STAFF),
            rule("PUT", "/centers/{id}", STAFF),
            rule("POST", "/centers/{centerId}/activities", STAFF),
            rule("POST", "/centers/activities/{activityId}/check-ins", STAFF),
            rule("POST", "/centers/wish-batches", STAFF),
            rule("POST", "/centers/wish-batches/{batchId}/wishes", STAFF),
            rule("POST", "/centers/wishes/{wishId}/confirm", STAFF),
            rule("POST", "/centers/{centerId}/visits", STAFF),
            rule("POST", "/centers/{centerId}/volunteer-hours", STAFF),
            rule("*", "/centers/**", PEOPLE));

    private static Rule rule(String method, String path, Set<String> roles) {
        return new Rule(method, PARSER.parse(path), roles);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/centers/**", "/centers");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        Set<String> needed = RULES.stream()
                .filter(r -> (r.method().equals("*") || r.method().equals(method)) && r.path().matches(path))
                .findFirst().map(Rule::roles).orElse(STAFF);
        CallerIdentity caller = CallerIdentity.current();
        if (caller.roles().isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "This command needs a signed-in caller", Map.of());
        }
        caller.requireRole(needed.toArray(String[]::new));
        return true;
    }
}
