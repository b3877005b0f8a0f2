package io.github.tracecheck.rules;

import io.github.tracecheck.model.TraceForest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The built-in rules, and a way to run a set of them on a forest. */
public final class Rules {

  /**
   * Name of the leaked-scope check. It reads the test thread's current context, so the JUnit
   * extension runs it; it is named here so that settings can refer to every check in one place.
   */
  public static final String LEAKED_SCOPE = "leaked-scope";

  private static final List<Rule> BUILT_IN =
      List.of(
          new OrphanedRootRule(),
          new DanglingParentRule(),
          new SpanNeverEndedRule(),
          new MissingErrorStatusRule(),
          new PiiRule(),
          new SqlLiteralRule());

  private Rules() {}

  /**
   * The rules that read captured traces: orphaned roots, dangling parents, spans never ended,
   * missing error status, PII and SQL literals.
   */
  public static List<Rule> builtIn() {
    return BUILT_IN;
  }

  /** Every name settings may use, including {@link #LEAKED_SCOPE}. */
  public static Set<String> knownNames() {
    return Set.of(
        OrphanedRootRule.NAME,
        DanglingParentRule.NAME,
        SpanNeverEndedRule.NAME,
        MissingErrorStatusRule.NAME,
        PiiRule.NAME,
        SqlLiteralRule.NAME,
        LEAKED_SCOPE);
  }

  /** Runs the rules and returns all findings, rule by rule. */
  public static List<Finding> check(TraceForest forest, Collection<Rule> rules, RuleOptions options) {
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
