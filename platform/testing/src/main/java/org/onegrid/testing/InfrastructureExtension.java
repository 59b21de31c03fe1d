package org.onegrid.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides the shared broker and database to a test class and points Spring Boot at them through the standard
 * properties, so an unchanged {@code @SpringBootTest} runs against them. Runs before Spring loads the context.
 */
public class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure infra = SharedInfrastructure.get();
        System.setProperty("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        System.setProperty("spring.mongodb.uri", infra.mongoUri());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return SharedInfrastructure.get();
    }
}
