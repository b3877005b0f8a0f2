package io.github.tracecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.RealSdk;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  @Test
  void rulesCheckedTogetherFindWhatEachFindsAloneInTheOrderTheyAreGiven() {
    // Spans with findings of every rule that judges spans one by one, interleaved across two traces.
    TraceForest forest = TraceForest.of(List.of(
        span("GET /users", id(1)).kind(SpanKind.SERVER).attr("http.response.status_code", 503L)
            .attr("user.email", "jane.doe@example.com").build(),
        span("SELECT users", id(2)).parent(id(1)).kind(SpanKind.CLIENT)
            .attr("db.query.text", "SELECT * FROM users WHERE email = 'jane.doe@example.com'").build(),
        span("charge", id(3)).trace(TestSpans.OTHER_TRACE_ID).exception("java.io.IOException", "card 4111 1111 1111 1111")
            .build(),
        span("audit", id(4)).parent(id(1)).attr("error.type", "timeout").build()));
    Rule custom = new Rule() {
      @Override
      public RuleInfo info() {
        return RuleInfo.of("every-span", "a finding per span", RuleMode.WARN);
      }

      @Override
      public List<Finding> check(TraceForest checked, RuleOptions options) {
        return checked.spans().stream()
            .map(span -> Finding.about("every-span", span, List.of(), span.name(), "a test rule"))
            .toList();
      }
    };
    List<Rule> rules = new ArrayList<>(Rules.builtIn());
    rules.add(3, custom);
    rules.add(new SqlLiteralRule()); // a second instance of a rule: run again, found again
    RuleOptions options = RuleOptions.defaults();

    List<Finding> alone = new ArrayList<>();
    for (Rule rule : rules) {
      alone.addAll(rule.check(forest, options));
    }
    List<Finding> together = Rules.check(forest, rules, options);

    assertThat(together).extracting(Finding::rule).contains("missing-error-status", "pii", "sql-literal", "every-span");
    assertThat(together).extracting(Finding::summary).containsExactlyElementsOf(alone.stream().map(Finding::summary).toList());
    assertThat(together).extracting(f -> f.span().orElseThrow())
        .containsExactlyElementsOf(alone.stream().map(f -> f.span().orElseThrow()).toList());
  }
}
