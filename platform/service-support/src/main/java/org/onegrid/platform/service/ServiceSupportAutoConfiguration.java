package org.onegrid.platform.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Wires the shared service plumbing into every OneGrid service that has this module on its classpath. */
@AutoConfiguration(after = MongoAutoConfiguration.class)
public class ServiceSupportAutoConfiguration {

    /** The one database this service owns; other services' databases are never touched. */
    @Bean
    @ConditionalOnMissingBean
    MongoDatabase serviceDatabase(MongoClient client, @Value("${spring.mongodb.database}") String database) {
        return client.getDatabase(database);
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoPingHealthIndicator(database);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Verifies the gateway's signed identity headers (401 without them). Always registered so
     * {@link CallerIdentity#current()} works; {@code onegrid.gateway-trust.enabled=false} only turns refusal off.
     */
    @Bean
    FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(
            @Value("${onegrid.gateway-trust.enabled:true}") boolean enforce,
            @Value("${onegrid.gateway-trust.secret:${ONEGRID_GATEWAY_SECRET:onegrid-dev-gateway-secret-change-me}}") String secret,
            @Value("${onegrid.gateway-trust.max-skew:5m}") Duration maxSkew,
            Clock clock) {
        var registration = new FilterRegistrationBean<>(new GatewayIdentityFilter(enforce, secret, maxSkew, clock));
        // Right after RequestIdFilter, so a refusal still carries the request id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnProperty(name = "onegrid.demo-data.enabled", havingValue = "true")
    DemoDataRunner demoDataRunner(MongoDatabase database, List<DemoData> demoData, Clock clock) {
        return new DemoDataRunner(database, demoData, clock);
    }
}
