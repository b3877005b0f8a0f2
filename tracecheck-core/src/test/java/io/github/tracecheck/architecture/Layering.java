package io.github.tracecheck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's layering, as ArchUnit rules over a root package, so that the same rules can be shown to
 * fail on a fixture with deliberate violations.
 *
 * <p>Layers, lowest first: {@code model} (spans and trees, data only) &lt;- {@code semconv} (reading
 * attributes) &lt;- {@code rules} (findings) &lt;- {@code render} and {@code report} (text, HTML,
 * diagrams). A layer never depends on a layer above it.
 */
final class Layering {

  /** Lowest first; packages in one entry are one layer. */
  private static final List<List<String>> LAYERS =
      List.of(List.of("model"), List.of("semconv"), List.of("rules"), List.of("render", "report"));

  private Layering() {}

  /** No cycle between the packages directly under the root (sub-packages count with their parent). */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles().as("packages under " + root + " are free of cycles");
  }

  /** The core compiles without AssertJ and JUnit: users' versions of those are never forced. */
  static ArchRule noTestFrameworks(String root) {
    return noClasses()
        .that().resideInAPackage(root + "..")
        .should().dependOnClassesThat().resideInAnyPackage("org.assertj..", "org.junit..")
        .as("classes under " + root + " do not use AssertJ or JUnit");
  }

  /** model &lt;- semconv &lt;- rules &lt;- render/report: no layer uses one above it. */
  static ArchRule layerOrder(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (int lower = 0; lower < LAYERS.size(); lower++) {
      for (int upper = lower + 1; upper < LAYERS.size(); upper++) {
        for (String from : LAYERS.get(lower)) {
          for (String to : LAYERS.get(upper)) {
            rules.add(
                noClasses()
                    .that().resideInAPackage(root + "." + from + "..")
                    .should().dependOnClassesThat().resideInAPackage(root + "." + to + "..")
                    .allowEmptyShould(true)
                    .as(from + " does not depend on " + to));
          }
        }
      }
    }
    return CompositeArchRule.of(rules).as("layers under " + root + ": model <- semconv <- rules <- render/report");
  }
}
