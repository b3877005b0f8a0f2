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

  /** Runs the rules and returns all findings, rule by rule. */
  public static List<Finding> check(TraceForest forest, Collection<? extends Rule> rules, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      findings.addAll(rule.check(forest, options));
    }
    return findings;
  }

  /** Runs every built-in rule with the default options. */
  public static List<Finding> check(TraceForest forest) {
    return check(forest, BUILT_IN, RuleOptions.defaults());
  }
}
