package io.github.tracecheck.rules;

/** What the gate does with a rule's findings, unless the user's settings say otherwise. */
public enum RuleMode {
  /** Fail the test, with every finding and its trees in the message. */
  FAIL,
  /** Report the findings and let the test pass. */
  WARN,
  /** Do not run the rule. */
  OFF
}
