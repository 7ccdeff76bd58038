package com.feedbacksync.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "com.feedbacksync.domain",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

  @ArchTest
  static final ArchRule the_domain_speaks_only_java =
      classes()
          .that()
          .resideInAPackage("com.feedbacksync.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("com.feedbacksync.domain..", "java..")
          .because("the sync policies are plain rules with no framework, no I/O and no clock");
}
