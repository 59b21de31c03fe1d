package org.onegrid.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service keeps (as in ddd-by-examples/library): {@code domain} holds the rules in plain Java,
 * and {@code api} (HTTP), {@code store} (Mongo) and {@code events} (Kafka) stand around it. A service's
 * ArchitectureTest runs these with {@code ArchTests.in(ArchitectureRules.class)}.
 */
public final class ArchitectureRules {

    @ArchTest
    public static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("org.onegrid.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "jakarta..", "tools.jackson..", "com.fasterxml.jackson..")
            .because("the domain holds the rules and must not know about Spring, Kafka, Mongo or HTTP");

    @ArchTest
    public static final ArchRule domainDependsOnNoOuterLayer = noClasses().that()
            .resideInAPackage("org.onegrid.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.onegrid.*.api..", "org.onegrid.*.store..", "org.onegrid.*.events..")
            .because("api, store and events depend on the domain, never the other way round");

    /** A service never reaches into another service's code (and so never into its database). */
    @ArchTest
    public static final ArchRule servicesAreIndependent = slices()
            .matching("org.onegrid.(ticket|talent|center|analytics|gateway)..")
            .should().notDependOnEachOther()
            .because("services talk only through Kafka topics and the gateway");

    private ArchitectureRules() {
    }
}
