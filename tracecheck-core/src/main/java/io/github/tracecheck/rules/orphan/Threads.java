package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.ThreadAttributes;

/**
 * What is known about the thread a span started on: from the capture, which saw the start (and
 * whether a test ran on that thread); else from a {@code thread.name} attribute, as the Java agent
 * records it; else nothing, as for spans read from files or received over OTLP.
 */
final class Threads {

  private final TraceForest forest;

  Threads(TraceForest forest) {
    this.forest = forest;
  }

  /** The thread's name; null when neither the capture nor an attribute says. */
  String nameOf(SpanNode span) {
    return forest.startOf(span).map(SpanStart::threadName).orElseGet(() -> ThreadAttributes.threadName(span));
  }

  /** Whether the capture saw the span start on a thread that was running a test. */
  boolean startedOnTestThread(SpanNode span) {
    return forest.startOf(span).map(SpanStart::onTestThread).orElse(false);
  }

  /**
   * How the thread of a span is known, said at the end of a finding that relied on it: "" for the
   * capture's own record.
   */
  String evidenceNote(SpanNode span) {
    if (forest.startOf(span).isPresent()) {
      return "";
    }
    return ThreadAttributes.threadName(span) != null ? " (threads from the thread.name attribute)" : "";
  }
}
