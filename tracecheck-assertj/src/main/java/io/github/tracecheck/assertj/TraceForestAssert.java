package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.error.ShouldHave.shouldHave;
import static io.github.tracecheck.assertj.error.ShouldHaveNoFindings.shouldHaveNoFindings;
import static io.github.tracecheck.assertj.error.ShouldSatisfy.shouldSatisfy;

import io.github.tracecheck.model.ForestProblem;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.rules.DanglingParentRule;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.render.FindingsReport;
import io.github.tracecheck.rules.MissingErrorStatusRule;
import io.github.tracecheck.rules.PiiRule;
import io.github.tracecheck.rules.Rule;
import io.github.tracecheck.rules.RuleOptions;
import io.github.tracecheck.rules.Rules;
import io.github.tracecheck.rules.SpanNeverEndedRule;
import io.github.tracecheck.rules.SqlLiteralRule;
import io.github.tracecheck.rules.orphan.OrphanedRootRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on all the traces captured in a test.
 *
 * <pre>{@code
 * assertThat(traces.snapshot())
 *     .hasTraceCount(1)
 *     .traceWithRootNamed("POST /checkout")
 *     .hasPath("POST /checkout", "orders publish", "orders process");
 * }</pre>
 */
public class TraceForestAssert extends AbstractAssert<TraceForestAssert, TraceForest> {

  private RuleOptions ruleOptions = RuleOptions.defaults();

  public TraceForestAssert(TraceForest actual) {
    super(actual, TraceForestAssert.class);
  }

  public TraceForestAssert hasTraceCount(int expected) {
    isNotNull();
    if (actual.traces().size() != expected) {
      fail("number of traces", String.valueOf(expected), String.valueOf(actual.traces().size()), List.of());
    }
    return myself;
  }

  public TraceForestAssert isEmpty() {
    return hasTraceCount(0);
  }

  /** Continues with the only trace; fails unless exactly one trace was captured. */
  public TraceAssert singleTrace() {
    hasTraceCount(1);
    return new TraceAssert(actual.traces().get(0));
  }

  /** Exactly one trace was captured, and it satisfies the requirements; works inside soft assertions. */
  public TraceForestAssert hasSingleTraceSatisfying(Consumer<TraceAssert> requirements) {
    requirements.accept(singleTrace());
    return myself;
  }

  /** Continues with the one trace whose root span has this name. */
  public TraceAssert traceWithRootNamed(String rootName) {
    isNotNull();
    List<Trace> found = new ArrayList<>();
    List<SpanNode> roots = new ArrayList<>();
    for (Trace trace : actual.traces()) {
      for (SpanNode root : trace.roots()) {
        roots.add(root);
        if (root.name().equals(rootName) && !found.contains(trace)) {
          found.add(trace);
        }
      }
    }
    if (found.size() != 1) {
      List<String> names = roots.stream().map(r -> "\"" + r.name() + "\"").toList();
      fail(
          "exactly one trace with a root named",
          "\"" + rootName + "\"",
          found.size() + " among roots " + names,
          List.of());
    }
    return new TraceAssert(found.get(0));
  }

  /** The one trace whose root has this name satisfies the requirements; works inside soft assertions. */
  public TraceForestAssert hasTraceWithRootNamedSatisfying(String rootName, Consumer<TraceAssert> requirements) {
    requirements.accept(traceWithRootNamed(rootName));
    return myself;
  }

  /** At least one trace satisfies the requirements. */
  public TraceForestAssert anyTraceSatisfies(Consumer<TraceAssert> requirements) {
    isNotNull();
    List<String> failures = collectFailures(requirements);
    if (failures.size() == actual.traces().size()) {
      throwAssertionError(shouldSatisfy("any", actual.traces().size(), failures));
    }
    return myself;
  }

  /** Every trace satisfies the requirements (and at least one was captured). */
  public TraceForestAssert allTracesSatisfy(Consumer<TraceAssert> requirements) {
    isNotNull();
    List<String> failures = collectFailures(requirements);
    if (!failures.isEmpty() || actual.isEmpty()) {
      throwAssertionError(shouldSatisfy("all", actual.traces().size(), failures));
    }
    return myself;
  }

  /** No malformed input: no duplicate or invalid ids, no self-parents, no parent cycles. */
  public TraceForestAssert isWellFormed() {
    isNotNull();
    if (!actual.problems().isEmpty()) {
      List<SpanNode> marked = new ArrayList<>();
      StringBuilder problems = new StringBuilder();
      for (ForestProblem problem : actual.problems()) {
        if (problems.length() > 0) {
          problems.append('\n');
        }
        problems.append(Masking.redact(problem.toString()));
        if (problem.span() != null) {
          marked.add(problem.span());
        }
      }
      fail("no malformed spans", "(no problems)", problems.toString(), marked);
    }
    return myself;
  }

  /**
   * Sets the options the rule assertions below use, e.g. {@code
   * usingRuleOptions(RuleOptions.defaults().withLinksConnect(false))}.
   */
  public TraceForestAssert usingRuleOptions(RuleOptions options) {
    this.ruleOptions = Objects.requireNonNull(options, "options");
    return myself;
  }

  /** No hop lost its context: no orphaned roots and no dangling parents. */
  public TraceForestAssert isConnected() {
    return hasNoFindingsOf("broken propagation (orphaned roots or dangling parents)",
        new OrphanedRootRule(), new DanglingParentRule());
  }

  /** No root span should have continued a trace seen elsewhere in the capture. */
  public TraceForestAssert hasNoOrphans() {
    return hasNoFindingsOf("orphaned roots", new OrphanedRootRule());
  }

  /** Every span's local parent was captured. */
  public TraceForestAssert hasNoDanglingParents() {
    return hasNoFindingsOf("dangling parents", new DanglingParentRule());
  }

  /** Every span that was started had ended when the snapshot was taken. */
  public TraceForestAssert allSpansEnded() {
    return hasNoFindingsOf("spans that never ended", new SpanNeverEndedRule());
  }

  /** Every span describing a failure has status ERROR, by the semantic conventions. */
  public TraceForestAssert hasNoMissingErrorStatus() {
    return hasNoFindingsOf("spans with a missing error status", new MissingErrorStatusRule());
  }

  /** No personal data or secrets in names and attributes, by the detectors of the rule options. */
  public TraceForestAssert hasNoPii() {
    return hasNoFindingsOf("PII", new PiiRule());
  }

  /** No SQL statement in {@code db.query.text} / {@code db.statement} carries literals. */
  public TraceForestAssert hasNoSqlLiterals() {
    return hasNoFindingsOf("SQL statements with literals", new SqlLiteralRule());
  }

  /** None of the built-in rules finds anything. */
  public TraceForestAssert hasNoFindings() {
    return hasNoFindingsOf("findings", Rules.builtIn().toArray(new Rule[0]));
  }

  private TraceForestAssert hasNoFindingsOf(String what, Rule... rules) {
    isNotNull();
    List<Finding> findings = Rules.check(actual, List.of(rules), ruleOptions);
    if (!findings.isEmpty()) {
      throwAssertionError(
          shouldHaveNoFindings(
              what, FindingsReport.render("found " + FindingsReport.count(findings.size()) + ":", findings, actual)));
    }
    return myself;
  }

  private List<String> collectFailures(Consumer<TraceAssert> requirements) {
    List<String> failures = new ArrayList<>();
    for (Trace trace : actual.traces()) {
      try {
        requirements.accept(new TraceAssert(trace));
      } catch (AssertionError e) {
        failures.add("trace " + trace.traceId() + ":\n" + e.getMessage().strip());
      }
    }
    return failures;
  }

  private void fail(String property, String expected, String found, List<SpanNode> marked) {
    String subject = "the captured traces";
    throwAssertionError(
        shouldHave(subject, property, expected, found, TraceTreeRenderer.create().render(actual, Set.copyOf(marked))));
  }
}
