package org.onegrid.talent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.onegrid.testing.ArchitectureRules;

@AnalyzeClasses(packages = "org.onegrid.talent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.domainIsPlainJava("org.onegrid.talent");

    @ArchTest
    static final ArchRule domainDependsOnNothingAround = ArchitectureRules.domainDependsOnNoOuterLayer("org.onegrid.talent");

    @ArchTest
    static final ArchRule onlyOwnDatabase = ArchitectureRules.noOtherServiceCode("org.onegrid.talent");
}
