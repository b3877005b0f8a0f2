package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {

  private static final String SERVICES_FILE = "META-INF/services/io.github.tracecheck.rules.Rule";

  private static final List<String> BUILT_IN_NAMES =
      List.of("orphaned-root", "dangling-parent", "span-never-ended", "leaked-scope", "missing-error-status", "pii",
          "sql-literal", "log-without-trace-context");

  /** A user's rule, as ServiceLoader instantiates it: public, with a public no-argument constructor. */
  public static class NoTodoSpans implements Rule {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("no-todo-spans", "a span named TODO", RuleMode.WARN);
    }

    @Override
    public List<Finding> check(TraceForest forest, RuleOptions options) {
      List<Finding> findings = new ArrayList<>();
      for (SpanNode span : forest.spans()) {
        if (span.name().equals("TODO")) {
          findings.add(Finding.about(info().name(), span, List.of(), "span \"TODO\" was left in", "name the span"));
        }
      }
      return findings;
    }
  }

  /** Another class that takes the same name. */
  public static final class OtherTodoRule extends NoTodoSpans {}

  /** A user's rule that takes a built-in rule's name. */
  public static final class MyPiiRule extends NoTodoSpans {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("pii", "my own PII check", RuleMode.FAIL);
    }
  }

  @Test
  void theBuiltInRulesComeInTheirOrder() {
    RuleSet builtIn = RuleSet.builtIn();

    assertThat(builtIn.names()).containsExactlyElementsOf(BUILT_IN_NAMES);
    assertThat(builtIn.rules()).containsExactlyElementsOf(Rules.builtIn());
    assertThat(builtIn.find("pii")).containsInstanceOf(PiiRule.class);
    assertThat(builtIn.find("no-todo-spans")).isEmpty();
  }

  @Test
  void aUsersRuleComesAfterTheBuiltInOnes() {
    NoTodoSpans todo = new NoTodoSpans();

    RuleSet rules = RuleSet.builtIn().with(List.of(todo));

    assertThat(rules.names()).endsWith("no-todo-spans").hasSize(BUILT_IN_NAMES.size() + 1);
    assertThat(rules.names()).startsWith(BUILT_IN_NAMES.toArray(String[]::new));
    assertThat(rules.find("no-todo-spans")).containsSame(todo);
    assertThat(RuleSet.builtIn().names()).doesNotContain("no-todo-spans");
  }

  @Test
  void theSameClassTwiceIsKeptOnce() {
    NoTodoSpans first = new NoTodoSpans();

    RuleSet rules = RuleSet.builtIn().with(List.of(first)).with(List.of(new NoTodoSpans(), new NoTodoSpans()));

    assertThat(rules.rules()).hasSize(BUILT_IN_NAMES.size() + 1);
    assertThat(rules.find("no-todo-spans")).containsSame(first);
  }

  @Test
  void twoClassesWithOneNameAreRejectedNamingBoth() {
    assertThatThrownBy(() -> RuleSet.builtIn().with(List.of(new NoTodoSpans(), new OtherTodoRule())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two rules are named 'no-todo-spans': " + NoTodoSpans.class.getName() + " and "
            + OtherTodoRule.class.getName());
  }

  @Test
  void aUsersRuleCannotTakeABuiltInName() {
    assertThatThrownBy(() -> RuleSet.builtIn().with(List.of(new MyPiiRule())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two rules are named 'pii': " + PiiRule.class.getName() + " and " + MyPiiRule.class.getName());
  }

  @Test
  void aRuleWithoutInfoIsRejectedNamingItsClass() {
    Rule noInfo = new NoTodoSpans() {
      @Override
      public RuleInfo info() {
        return null;
      }
    };

    assertThatThrownBy(() -> RuleSet.builtIn().with(List.of(noInfo)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule " + noInfo.getClass().getName() + " returns no RuleInfo from info()");
  }

  // --- ServiceLoader ------------------------------------------------------------------------

  /** A class loader that sees a services file listing the given class names, one a line. */
  private static URLClassLoader withServicesFile(Path dir, String... classNames) throws IOException {
    Path services = dir.resolve(SERVICES_FILE);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# rules of this test\n" + String.join("\n", classNames) + "\n", StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, RuleSetTest.class.getClassLoader());
  }

  @Test
  void rulesListedInTheServicesFileAreDiscovered(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = withServicesFile(dir, NoTodoSpans.class.getName())) {
      RuleSet rules = RuleSet.builtIn().withDiscovered(loader);

      assertThat(rules.names()).endsWith("no-todo-spans").hasSize(BUILT_IN_NAMES.size() + 1);
      assertThat(rules.find("no-todo-spans")).get().isExactlyInstanceOf(NoTodoSpans.class);
    }
  }

  @Test
  void aRuleBothDiscoveredAndGivenIsKeptOnce(@TempDir Path dir) throws IOException {
    NoTodoSpans given = new NoTodoSpans();
    try (URLClassLoader loader = withServicesFile(dir, NoTodoSpans.class.getName())) {
      RuleSet rules = RuleSet.builtIn().with(List.of(given)).withDiscovered(loader);

      assertThat(rules.rules()).hasSize(BUILT_IN_NAMES.size() + 1);
      assertThat(rules.find("no-todo-spans")).containsSame(given);
    }
  }

  @Test
  void aClassLoaderWithoutTheServicesFileAddsNothing(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, RuleSetTest.class.getClassLoader())) {
      assertThat(RuleSet.builtIn().withDiscovered(loader).names()).containsExactlyElementsOf(BUILT_IN_NAMES);
    }
  }

  @Test
  void aListedClassThatDoesNotExistIsRejectedNamingTheServicesFile(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = withServicesFile(dir, "com.example.NoSuchRule")) {
      assertThatThrownBy(() -> RuleSet.builtIn().withDiscovered(loader))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot load a rule listed in " + SERVICES_FILE + ": ")
          .hasMessageContaining("com.example.NoSuchRule");
    }
  }

  @Test
  void aDiscoveredRuleThatReusesANameIsRejected(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = withServicesFile(dir, MyPiiRule.class.getName())) {
      assertThatThrownBy(() -> RuleSet.builtIn().withDiscovered(loader))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("two rules are named 'pii': " + PiiRule.class.getName() + " and " + MyPiiRule.class.getName());
    }
  }
}
