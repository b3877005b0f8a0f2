package io.github.tracecheck.rules;

import io.github.tracecheck.pii.Masking;
import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds spans whose local parent is not among the captured spans. When the capture saw the parent
 * start, the finding names it, its thread and (with stack capture on) where it was started: it is
 * almost always a span that was never ended. A missing <em>remote</em> parent is not a finding: the
 * trace was continued from a caller outside the capture, such as a test client sending traceparent.
 */
public final class DanglingParentRule implements Rule {

  public static final String NAME = "dangling-parent";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a span whose local parent was never captured", RuleMode.FAIL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    // Indexed loops: run after every test over every trace, they make no iterators.
    List<Trace> traces = forest.traces();
    for (int t = 0; t < traces.size(); t++) {
      List<SpanNode> roots = traces.get(t).roots();
      for (int r = 0; r < roots.size(); r++) {
        SpanNode root = roots.get(r);
        if (!root.hasMissingParent()) {
          continue;
        }
        String parentId = root.data().getParentSpanId();
        Optional<SpanStart> open = forest.openSpan(root.traceId(), parentId);
        if (open.isPresent()) {
          findings.add(neverEndedParent(root, open.get()));
        } else if (!root.hasRemoteParent()) {
          findings.add(
              Finding.about(
                  NAME,
                  root,
                  List.of(),
                  "span " + describe(root) + " has parent span id " + parentId
                      + ", which no captured span has",
                  "the parent was not ended before the capture was read, or it was created by a tracer"
                      + " provider this capture does not see"));
        }
      }
    }
    return findings;
  }

  private static Finding neverEndedParent(SpanNode child, SpanStart parent) {
    String where = parent.startedAt().isEmpty() ? "" : ", at " + parent.startedAtSummary();
    return Finding.about(
        NAME,
        child,
        List.of(),
        "span " + describe(child) + " has parent \"" + Masking.redact(parent.name()) + "\" [" + parent.kind() + "] ("
            + parent.spanContext().getSpanId() + "), which was started on thread \""
            + parent.threadName() + "\"" + where + " but never ended",
        "end() was not called on the parent span on every path: end spans in a finally block");
  }
}
