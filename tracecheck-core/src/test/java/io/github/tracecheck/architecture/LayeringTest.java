package io.github.tracecheck.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's package structure: no cycles, no AssertJ or JUnit, and the layer order. Each rule is
 * also run on {@code io.github.tracecheck.archfixture}, whose classes break it on purpose, to show
 * that the rule would catch a violation.
 */
class LayeringTest {

  private static final String CORE = "io.github.tracecheck";
  private static final String FIXTURE = "io.github.tracecheck.archfixture";

  private static final JavaClasses CORE_CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);

  private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void theCoreHasNoPackageCycles() {
    Layering.noPackageCycles(CORE).check(CORE_CLASSES);
  }

  @Test
  void theCoreUsesNeitherAssertJNorJUnit() {
    Layering.noTestFrameworks(CORE).check(CORE_CLASSES);
  }

  @Test
  void theCoresLayersOnlyLookDown() {
    Layering.layerOrder(CORE).check(CORE_CLASSES);
  }

  @Test
  void aCycleBetweenPackagesFails() {
    assertThatThrownBy(() -> Layering.noPackageCycles(FIXTURE).check(FIXTURE_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("archfixture.model.FixtureSpan")
        .hasMessageContaining("archfixture.rules.FixtureRule");
  }

  @Test
  void aLowerLayerUsingAHigherOneFails() {
    assertThatThrownBy(() -> Layering.layerOrder(FIXTURE).check(FIXTURE_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("was violated (3 times)")
        .hasMessageContaining("archfixture.model.FixtureSpan.flagged()> calls constructor <io.github.tracecheck.archfixture.rules.FixtureRule")
        .hasMessageContaining("archfixture.rules.FixtureRule.flags(")
        .hasMessageContaining("calls method <io.github.tracecheck.archfixture.render.FixtureAssert.drawn(");
  }

  @Test
  void usingAssertJFails() {
    assertThatThrownBy(() -> Layering.noTestFrameworks(FIXTURE).check(FIXTURE_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("archfixture.render.FixtureAssert")
        .hasMessageContaining("org.assertj");
  }
}
