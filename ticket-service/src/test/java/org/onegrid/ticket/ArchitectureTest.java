package org.onegrid.ticket;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.onegrid.testing.ArchitectureRules;

@AnalyzeClasses(packages = "org.onegrid.ticket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.domainIsPlainJava("org.onegrid.ticket");

    @ArchTest
    static final ArchRule domainDependsOnNothingAround = ArchitectureRules.domainDependsOnNoOuterLayer("org.onegrid.ticket");

    @ArchTest
    static final ArchRule onlyOwnDatabase = ArchitectureRules.noOtherServiceCode("org.onegrid.ticket");
}
