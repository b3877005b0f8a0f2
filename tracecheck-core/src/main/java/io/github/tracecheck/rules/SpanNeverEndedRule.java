package io.github.tracecheck.rules;

import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds spans that were started and had not ended when the checks ran (the gate first waits, with
 * a bound, for in-flight work to end). A span that never ends is never exported: in production its
 * children hang from a parent no backend ever receives.
 */
public final class SpanNeverEndedRule implements Rule {

  public static final String NAME = "span-never-ended";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a span started and never ended", RuleMode.FAIL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    for (SpanStart open : forest.openSpans()) {
      List<SpanNode> children = new ArrayList<>();
      forest.trace(open.spanContext().getTraceId())
          .ifPresent(
              trace -> {
                for (SpanNode root : trace.roots()) {
                  if (root.data().getParentSpanId().equals(open.spanContext().getSpanId())) {
                    children.add(root);
                  }
                }
              });
      String where = open.startedAt().isEmpty() ? "" : " at " + open.startedAtSummary();
      String childNote =
          children.isEmpty() ? "" : "; its " + children.size() + (children.size() == 1 ? " child hangs" : " children hang")
              + " from a parent that is never exported";
      findings.add(
          Finding.aboutOpenSpan(
              NAME,
              open,
              children,
              "span \"" + Masking.redact(open.name()) + "\" [" + open.kind() + "] (" + open.spanContext().getSpanId()
                  + ") was started on thread \"" + open.threadName() + "\"" + where
                  + " and never ended" + childNote,
              "end() was not called on every path (end spans in a finally block), or asynchronous"
                  + " work outlived the test"));
    }
    return findings;
  }
}
