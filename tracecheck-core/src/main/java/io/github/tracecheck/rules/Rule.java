package io.github.tracecheck.rules;

import io.github.tracecheck.model.TraceForest;
import java.util.List;

/**
 * A check on captured traces, as Error Prone treats a bug pattern: it carries its metadata ({@link
 * #info()}) and finds one kind of problem. Rules read the forest (never re-group spans themselves)
 * and return their findings; they do not throw on malformed input.
 *
 * <p>Your own rules join the gate like the built-in ones (with settings, suppressions and reports):
 * list them in {@code @TraceCheck(rules = ...)}, or register them for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/io.github.tracecheck.rules.Rule}. A rule needs a public no-argument
 * constructor and must be safe to call from several threads.
 */
public interface Rule {

  /** The rule's name, summary, default mode and the conventions it relies on. */
  RuleInfo info();

  /** The findings in the forest, in a stable order. */
  List<Finding> check(TraceForest forest, RuleOptions options);

  /** The name used in settings and in findings, e.g. {@code orphaned-root}. */
  default String name() {
    return info().name();
  }
}
