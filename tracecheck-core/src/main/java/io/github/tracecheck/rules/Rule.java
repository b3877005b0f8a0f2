package io.github.tracecheck.rules;

import io.github.tracecheck.model.TraceForest;
import java.util.List;

/**
 * A check on captured traces. Rules read the forest (never re-group spans themselves) and return
 * their findings; they do not throw on malformed input.
 */
public interface Rule {

  /** The name used in settings and in findings, e.g. {@code orphaned-root}. */
  String name();

  List<Finding> check(TraceForest forest, RuleOptions options);
}
