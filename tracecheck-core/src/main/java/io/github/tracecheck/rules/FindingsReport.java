package io.github.tracecheck.rules;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import java.util.List;

/** Writes findings the way the gate, the assertions and the command line print them. */
public final class FindingsReport {

  private FindingsReport() {}

  /**
   * Numbers the findings and draws, under each, the traces involved.
   *
   * @param headline the first line, e.g. "tracecheck found 2 problems in the traces of this test:"
   */
  public static String render(String headline, List<Finding> findings, TraceForest forest) {
    TraceTreeRenderer renderer = TraceTreeRenderer.create();
    StringBuilder out = new StringBuilder(headline);
    int number = 1;
    for (Finding finding : findings) {
      out.append("\n\n").append(number++).append(". ").append(finding.render(forest, renderer));
    }
    return out.toString();
  }

  /** "1 problem" or "3 problems". */
  public static String count(int findings) {
    return findings + (findings == 1 ? " problem" : " problems");
  }
}
