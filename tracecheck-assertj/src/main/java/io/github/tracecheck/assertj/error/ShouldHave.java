package io.github.tracecheck.assertj.error;

import io.github.tracecheck.pii.Masking;

/**
 * "Expecting span ... to have &lt;property&gt; ... but was ..." for any property of a span, a trace or
 * the captured traces, followed by the tree the subject belongs to.
 */
public final class ShouldHave extends TraceErrorMessage {

  private final String subject;
  private final String property;
  private final String expected;
  private final String actual;
  private final String tree;

  private ShouldHave(String subject, String property, String expected, String actual, String tree) {
    this.subject = subject;
    this.property = property;
    this.expected = Masking.redact(expected);
    this.actual = Masking.redact(actual);
    this.tree = tree;
  }

  /**
   * @param subject what was checked, e.g. {@code span "orders process" [CONSUMER]}
   * @param property what it should have, e.g. {@code kind}
   * @param expected the expected value, as it should print
   * @param actual what was found, as it should print
   * @param tree the drawn tree, with the subject marked
   */
  public static ShouldHave shouldHave(
      String subject, String property, String expected, String actual, String tree) {
    return new ShouldHave(subject, property, expected, actual, tree);
  }

  @Override
  String message() {
    return "Expecting " + subject + "\nto have " + property + ":\n" + indent(expected)
        + "\nbut was:\n" + indent(actual) + "\n" + tree;
  }
}
