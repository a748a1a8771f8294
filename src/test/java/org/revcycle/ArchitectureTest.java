package org.revcycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The structure the design describes, checked on every build. */
@AnalyzeClasses(packages = "org.revcycle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Camunda 7 is at end of life: engine-specific Java stays in delegates, the one *Workflow class
   * per stage that starts or signals its process, and platform/.
   */
  @ArchTest
  static final ArchRule engineApiOnlyInDelegatesWorkflowsAndPlatform =
      noClasses()
          .that().resideOutsideOfPackage("org.revcycle.platform..")
          .and().haveSimpleNameNotEndingWith("Delegate")
          .and().haveSimpleNameNotEndingWith("Workflow")
          .should().dependOnClassesThat().resideInAPackage("org.camunda..");

  /** Domain code does not reach into the web layer's classes (problem details stay at the edge). */
  @ArchTest
  static final ArchRule domainDoesNotDependOnControllers =
      noClasses()
          .that().haveSimpleNameNotEndingWith("Controller")
          .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller");

  /** The X12 layer knows formats, not business rules: it depends on no lifecycle stage. */
  @ArchTest
  static final ArchRule x12KnowsOnlyFormats =
      noClasses()
          .that().resideInAPackage("org.revcycle.x12..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.revcycle.encounter..", "org.revcycle.eligibility..", "org.revcycle.coding..",
              "org.revcycle.workqueue..", "org.revcycle.claim..", "org.revcycle.remittance..", "org.revcycle.denial..",
              "org.revcycle.patient..", "org.revcycle.ledger..", "org.revcycle.sandbox..", "org.camunda..");
}
