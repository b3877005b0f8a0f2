package io.github.tracecheck.assertj.error;

/** "Expecting the captured traces to have no orphaned roots, but found N: ..." with each finding drawn. */
public final class ShouldHaveNoFindings extends TraceErrorMessage {

  private final String what;
  private final String findings;

  private ShouldHaveNoFindings(String what, String findings) {
    this.what = what;
    this.findings = findings;
  }

  /**
   * @param what the kinds of findings expected absent, e.g. "orphaned roots"
   * @param findings the rendered findings, numbered, with their trees
   */
  public static ShouldHaveNoFindings shouldHaveNoFindings(String what, String findings) {
    return new ShouldHaveNoFindings(what, findings);
  }

  @Override
  String message() {
    return "Expecting the captured traces to have no " + what + ", but " + findings;
  }
}
