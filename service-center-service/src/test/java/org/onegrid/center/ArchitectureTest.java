package org.onegrid.center;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.onegrid.testing.ArchitectureRules;

@AnalyzeClasses(packages = "org.onegrid.center", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.domainIsPlainJava("org.onegrid.center");

    @ArchTest
    static final ArchRule domainDependsOnNothingAround = ArchitectureRules.domainDependsOnNoOuterLayer("org.onegrid.center");

    @ArchTest
    static final ArchRule onlyOwnDatabase = ArchitectureRules.noOtherServiceCode("org.onegrid.center");
}
