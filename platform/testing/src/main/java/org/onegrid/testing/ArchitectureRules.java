package org.onegrid.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service keeps (as in ddd-by-examples/library): {@code domain} holds the rules in plain Java,
 * and {@code api} (HTTP), {@code store} (Mongo) and {@code events} (Kafka) stand around it.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("ticket", "talent", "center", "analytics", "gateway");

    private ArchitectureRules() {
    }

    public static ArchRule domainIsPlainJava(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "jakarta..", "tools.jackson..", "com.fasterxml.jackson..")
                .because("the domain holds the rules and must not know about Spring, Kafka, Mongo or HTTP");
    }

    public static ArchRule domainDependsOnNoOuterLayer(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        servicePackage + ".api..", servicePackage + ".store..", servicePackage + ".events..")
                .because("api, store and events depend on the domain, never the other way round");
    }

    /** A service never reaches into another service's code (and so never into its database). */
    public static ArchRule noOtherServiceCode(String servicePackage) {
        String[] others = SERVICES.stream()
                .map(s -> "org.onegrid." + s + "..")
                .filter(p -> !p.equals(servicePackage + ".."))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through Kafka topics and the gateway");
    }
}
