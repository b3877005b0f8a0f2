package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.testing.RealSdk;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The list of built-in rules, and running rules on a forest. */
class RulesTest {

  @Test
  void everyBuiltInRuleHasADistinctNameASummaryAndATestClassNamedAfterIt() {
    Set<String> names = new HashSet<>();
    for (Rule rule : Rules.builtIn()) {
      RuleInfo info = rule.info();
      assertThat(names.add(info.name())).as("name %s used once", info.name()).isTrue();
      assertThat(rule.name()).isEqualTo(info.name());
      assertThat(info.summary()).as(info.name()).isNotBlank().doesNotContain("\n");
      String testClass = rule.getClass().getName() + "Test";
      assertThat(exists(testClass)).as("test class %s for rule %s", testClass, info.name()).isTrue();
    }
    assertThat(names).hasSize(8);
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, RulesTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void checkRunsEveryBuiltInRuleAndListsTheFindingsRuleByRule() {
    try (RealSdk sdk = new RealSdk()) {
      Tracer tracer = sdk.tracer("svc");
      Span parent = tracer.spanBuilder("load cart").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer.spanBuilder("SELECT cart").setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.query.text", "SELECT * FROM carts WHERE owner = 'jane'")
            .setAttribute("http.response.status_code", 503L)
            .startSpan().end();
      }

      assertThat(Rules.check(sdk.snapshot()))
          .extracting(Finding::rule)
          .containsExactly("dangling-parent", "span-never-ended", "missing-error-status", "sql-literal");
      parent.end();
      assertThat(Rules.check(sdk.snapshot()))
          .extracting(Finding::rule)
          .containsExactly("missing-error-status", "sql-literal");
    }
  }
}
