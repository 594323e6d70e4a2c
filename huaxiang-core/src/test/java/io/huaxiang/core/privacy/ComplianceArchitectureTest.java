package io.huaxiang.core.privacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Keeps the security, compliance and lending packages layered (privacy at the bottom, identity on
 * it; lending, audit and aml independent except aml's use of Money) and free of the wall clock and
 * of I/O, so they stay replayable and embeddable.
 */
class ComplianceArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.huaxiang.core.privacy",
              "io.huaxiang.core.identity",
              "io.huaxiang.core.lending",
              "io.huaxiang.core.audit",
              "io.huaxiang.core.aml");

  @Test
  void privacyDependsOnNoOtherHuaxiangPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.huaxiang.core.privacy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.huaxiang.core.identity..", "io.huaxiang.core.lending..",
            "io.huaxiang.core.audit..", "io.huaxiang.core.aml..")
        .check(CLASSES);
  }

  @Test
  void eachPackageUsesOnlyWhatItMust() {
    classes()
        .that()
        .resideInAPackage("io.huaxiang.core.identity..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.huaxiang.core.identity..", "io.huaxiang.core.privacy..", "java..")
        .check(CLASSES);
    classes()
        .that()
        .resideInAnyPackage("io.huaxiang.core.lending..", "io.huaxiang.core.audit..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.huaxiang.core.lending..", "io.huaxiang.core.audit..", "java..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("io.huaxiang.core.lending..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.huaxiang.core.audit..")
        .check(CLASSES);
    classes()
        .that()
        .resideInAPackage("io.huaxiang.core.aml..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.huaxiang.core.aml..", "io.huaxiang.core.lending..", "java..")
        .check(CLASSES);
  }

  @Test
  void nothingReadsTheWallClock() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(CLASSES);
  }

  @Test
  void nothingDoesIo() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
        .check(CLASSES);
  }
}
