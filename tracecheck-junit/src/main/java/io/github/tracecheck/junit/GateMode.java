package io.github.tracecheck.junit;

/** What the gate does with the findings of a rule. */
public enum GateMode {
  /** Fail the test, with every finding and its trees in the message. */
  FAIL,
  /** Report the findings (as a JUnit report entry and on standard error) and let the test pass. */
  WARN,
  /** Do not run the rule. */
  OFF
}
