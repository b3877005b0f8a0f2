package io.github.tracecheck.render;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
      out.append("\n\n").append(number++).append(". ").append(render(finding, forest, renderer));
    }
    return out.toString();
  }

  /** The finding's summary followed by each trace involved, with the span and related spans marked. */
  public static String render(Finding finding, TraceForest forest, TraceTreeRenderer renderer) {
    StringBuilder out = new StringBuilder(finding.summary());
    Set<Trace> traces = new LinkedHashSet<>();
    List<SpanNode> marked = new ArrayList<>(finding.related());
    finding.span().ifPresent(span -> {
      marked.add(0, span);
      traces.add(span.trace());
    });
    finding.openSpan().ifPresent(open -> forest.trace(open.spanContext().getTraceId()).ifPresent(traces::add));
    for (SpanNode node : finding.related()) {
      traces.add(node.trace());
    }
    for (Trace trace : traces) {
      out.append('\n').append(indent(renderer.render(trace, marked)));
    }
    return out.toString();
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }

  /** "1 problem" or "3 problems". */
  public static String count(int findings) {
    return findings + (findings == 1 ? " problem" : " problems");
  }
}
