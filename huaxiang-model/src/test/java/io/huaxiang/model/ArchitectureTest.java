package io.huaxiang.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the model library framework-free and its building blocks below the pipeline. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.huaxiang.model");

  @Test
  void modelLibraryUsesNoApplicationFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.jpmml.evaluator..")
        .check(CLASSES);
  }

  @Test
  void buildingBlocksDoNotReachUpIntoPipelineReportOrArtifact() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.huaxiang.model.data..",
            "io.huaxiang.model.metrics..",
            "io.huaxiang.model.binning..",
            "io.huaxiang.model.regression..",
            "io.huaxiang.model.selection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.huaxiang.model.pipeline..",
            "io.huaxiang.model.report..",
            "io.huaxiang.model.artifact..",
            "io.huaxiang.model.scorecard..")
        .check(CLASSES);
  }
}
