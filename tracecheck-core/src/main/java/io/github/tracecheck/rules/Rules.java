package io.github.tracecheck.rules;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.orphan.OrphanedRootRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The built-in rules, listed once, and a way to run a set of rules on a forest. */
public final class Rules {

  private static final List<Rule> BUILT_IN =
      List.of(
          new OrphanedRootRule(),
          new DanglingParentRule(),
          new SpanNeverEndedRule(),
          new LeakedScopeRule(),
          new MissingErrorStatusRule(),
          new PiiRule(),
          new SqlLiteralRule(),
          new LogWithoutTraceContextRule());

  private Rules() {}

  /**
   * The built-in rules: orphaned roots, dangling parents, spans never ended, leaked scopes, missing
   * error status, PII, SQL literals and (off by default) log lines without trace context.
   */
  public static List<Rule> builtIn() {
    return BUILT_IN;
  }

  /**
   * Runs the rules and returns all findings, rule by rule. The built-in rules that judge spans one by
   * one (error status, PII, SQL literals) run together in one traversal of the spans; every rule's
   * findings come in the order of {@code rules}, as if each ran alone.
   */
  public static List<Finding> check(TraceForest forest, Collection<? extends Rule> rules, RuleOptions options) {
    List<PerSpanRule> perSpan = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule instanceof PerSpanRule each && !perSpan.contains(each)) {
        perSpan.add(each);
      }
    }
    List<List<Finding>> together = perSpan.size() > 1 ? PerSpanRule.checkTogether(forest, perSpan, options) : List.of();
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      int fused = together.isEmpty() ? -1 : perSpan.indexOf(rule);
      findings.addAll(fused >= 0 ? together.get(fused) : rule.check(forest, options));
    }
    return findings;
  }

  /** Runs every built-in rule with the default options. */
  public static List<Finding> check(TraceForest forest) {
    return check(forest, BUILT_IN, RuleOptions.defaults());
  }
}
