package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.SpanStart;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.semconv.ThreadAttributes;
import java.util.Objects;

/**
 * What is known about the thread a span started on: from the capture, which saw the start (and
 * whether a test ran on that thread); else from the {@code thread.name} and {@code thread.id}
 * attributes, as the Java agent records them (and tracecheck's OTLP files); else nothing, as for
 * spans received from other SDKs.
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

  /** The thread's id; {@link SpanStart#UNKNOWN_THREAD_ID} when neither the capture nor an attribute says. */
  long idOf(SpanNode span) {
    return forest.startOf(span).map(SpanStart::threadId).orElseGet(() -> {
      Long id = ThreadAttributes.threadId(span);
      return id == null ? SpanStart.UNKNOWN_THREAD_ID : id;
    });
  }

  /**
   * Whether two spans started on one thread: the same name, and the same id when both ids are known
   * (threads of one name, such as virtual threads, which have none, are told apart by it).
   */
  boolean sameThread(SpanNode a, SpanNode b) {
    return same(nameOf(a), idOf(a), nameOf(b), idOf(b));
  }

  /** Whether a span the capture saw start and never end started on the thread of {@code span}. */
  boolean sameThread(SpanStart open, SpanNode span) {
    return same(open.threadName(), open.threadId(), nameOf(span), idOf(span));
  }

  private static boolean same(String name, long id, String otherName, long otherId) {
    return Objects.equals(name, otherName)
        && (id == SpanStart.UNKNOWN_THREAD_ID || otherId == SpanStart.UNKNOWN_THREAD_ID || id == otherId);
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
