package io.github.tracecheck.assertj.error;

import java.util.List;

/** "Expecting any/all of the N captured traces to satisfy the requirements but ...". */
public final class ShouldSatisfy extends TraceErrorMessage {

  private final String quantifier;
  private final int traceCount;
  private final List<String> failures;

  private ShouldSatisfy(String quantifier, int traceCount, List<String> failures) {
    this.quantifier = quantifier;
    this.traceCount = traceCount;
    this.failures = failures;
  }

  /** @param failures the failure of each trace that did not satisfy them, already labelled */
  public static ShouldSatisfy shouldSatisfy(String quantifier, int traceCount, List<String> failures) {
    return new ShouldSatisfy(quantifier, traceCount, failures);
  }

  @Override
  String message() {
    StringBuilder out = new StringBuilder();
    out.append("Expecting ").append(quantifier).append(" of the ").append(traceCount)
        .append(traceCount == 1 ? " captured trace" : " captured traces")
        .append(" to satisfy the given requirements, but ");
    out.append(traceCount == 0 ? "none was captured" : failures.size() + " did not:");
    for (String failure : failures) {
      out.append("\n\n").append(failure.strip());
    }
    return out.toString();
  }
}
